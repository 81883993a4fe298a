/**
 * The order in which open documents are checked. A check is synchronous (parse + rules), so
 * checks take turns, one per event-loop turn, and between two of them the server reads new
 * messages and answers requests. Turns go to the document wanted most recently — opened,
 * changed or requested last, which is the one the user looks at — not to the first in line:
 * when a window reload opens 17 briefs at once, the visible one is checked first.
 *
 * A document is "wanted" from the moment it is opened, changed or requested until its check
 * is done. A turn waits for a more recently wanted document that is still on its way (reading
 * its settings, say) for at most `WAIT_FOR_NEWER_MS` milliseconds, once per such document.
 */

/** Longest wait (milliseconds) of a turn for a more recently wanted document to be ready. */
export const WAIT_FOR_NEWER_MS = 1000;

interface Waiter {
  uri: string;
  rank: number;
  grant: (release: () => void) => void;
}

/** Hands out check turns, most recently wanted document first. */
export class CheckQueue {
  private rank = 0;
  /** Rank (higher = more recent) of each document wanted and not yet checked. */
  private readonly wanted = new Map<string, number>();
  private readonly waiting: Waiter[] = [];
  /** Wanted documents already waited for once (`WAIT_FOR_NEWER_MS`): not waited for again until they queue or settle. */
  private readonly overdue = new Set<string>();
  private busy = false;
  private scheduled = false;
  private fallback: NodeJS.Timeout | undefined;

  /** `uri` was opened, changed or requested: its check comes before older ones. */
  want(uri: string): void {
    this.wanted.set(uri, ++this.rank);
    const waiter = this.waiting.find((w) => w.uri === uri);
    if (waiter) waiter.rank = this.rank;
  }

  /** Moves `uri` to the front if a check of it is pending (a request on it arrived). */
  promote(uri: string): void {
    if (this.wanted.has(uri)) this.want(uri);
  }

  /** `uri` needs no check any more (closed, not a brief, cached result, cancelled). */
  settle(uri: string): void {
    if (this.waiting.some((w) => w.uri === uri)) return;
    this.wanted.delete(uri);
    this.overdue.delete(uri);
    this.schedule();
  }

  /** Resolves with a `release` function when it is `uri`'s turn; call it when the check is done. */
  turn(uri: string): Promise<() => void> {
    if (!this.wanted.has(uri)) this.want(uri);
    this.overdue.delete(uri);
    return new Promise((grant) => {
      this.waiting.push({ uri, rank: this.wanted.get(uri)!, grant });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.busy || this.scheduled || !this.waiting.length) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.next(false);
    });
  }

  private next(force: boolean): void {
    if (this.busy || !this.waiting.length) return;
    let best = 0;
    for (let i = 1; i < this.waiting.length; i++) if (this.waiting[i].rank > this.waiting[best].rank) best = i;
    const waiter = this.waiting[best];
    const queued = new Set(this.waiting.map((w) => w.uri));
    const onItsWay = [...this.wanted].filter(([uri, rank]) => rank > waiter.rank && !queued.has(uri) && !this.overdue.has(uri)).map(([uri]) => uri);
    if (onItsWay.length && !force) {
      this.fallback ??= setTimeout(() => {
        this.fallback = undefined;
        this.next(true);
      }, WAIT_FOR_NEWER_MS);
      return;
    }
    // Waited long enough for these (a large document in the parse worker, say): do not wait for them again.
    for (const uri of onItsWay) this.overdue.add(uri);
    clearTimeout(this.fallback);
    this.fallback = undefined;
    this.waiting.splice(best, 1);
    this.busy = true;
    let released = false;
    waiter.grant(() => {
      if (released) return;
      released = true;
      this.busy = false;
      if (this.wanted.get(waiter.uri) === waiter.rank) this.wanted.delete(waiter.uri);
      this.schedule();
    });
  }
}
