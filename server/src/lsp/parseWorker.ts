/**
 * Markdown parsing off the main thread. remark has pathological inputs (thousands of unclosed
 * `**`: seconds for 40 KB), so when an edit leaves more than `WORKER_THRESHOLD` UTF-16 code
 * units of topic sections to (re-)parse, they are parsed in a worker thread and the main thread
 * stays free for other requests. The parsed trees feed the document's parse cache, so the check
 * that follows parses nothing itself. Typing in a normal topic stays on the main thread (a
 * worker round trip would cost more than the parse).
 */
import { Worker, parentPort } from 'node:worker_threads';
import type { Root } from 'mdast';
import { briefSections, ParseCache, parseMarkdown, type SectionLayout } from '../../core/src/index';

/** Unparsed section text above which parsing moves to the worker (UTF-16 code units). */
export const WORKER_THRESHOLD = 8_000;

/**
 * A parse cache that also holds trees parsed by the worker. It records which section texts it
 * has seen (two generations, like the core cache) so the server knows what still needs parsing.
 */
export class ServerParseCache extends ParseCache {
  private warmed = new Map<string, Root>();
  private seen = new Set<string>();
  private seenBefore = new Set<string>();

  override get(sectionText: string): Root {
    this.seen.add(sectionText);
    const root = this.warmed.get(sectionText);
    if (root) return root;
    return super.get(sectionText);
  }

  override sweep(): void {
    super.sweep();
    for (const key of this.warmed.keys()) if (!this.seen.has(key)) this.warmed.delete(key);
    this.seenBefore = this.seen;
    this.seen = new Set();
  }

  /** True when `sectionText` was parsed already (by a recent `get` or by the worker). */
  has(sectionText: string): boolean {
    return this.warmed.has(sectionText) || this.seen.has(sectionText) || this.seenBefore.has(sectionText);
  }

  /** Adds a tree parsed elsewhere. */
  add(sectionText: string, root: Root): void {
    this.warmed.set(sectionText, root);
  }
}

interface Pending {
  resolve: (roots: Root[]) => void;
  reject: (error: Error) => void;
}

/** One worker thread running `runParseWorker`, started on first use and restarted after a crash. */
export class ParseWorker {
  private worker?: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  /** @param script the file the worker runs (the bundled server itself) */
  constructor(private readonly script: string, private readonly log: (line: string) => void) {}

  /** Parses `texts` in the worker. Rejects when the worker fails. */
  parse(texts: string[]): Promise<Root[]> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, texts });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { role: 'parse' } });
    worker.unref();
    worker.on('message', (message: { id: number; roots?: Root[]; error?: string }) => {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.roots) pending?.resolve(message.roots);
      else pending?.reject(new Error(message.error ?? 'parse failed'));
    });
    const fail = (error: Error) => {
      this.log(`The parse worker stopped: ${error.message}`);
      this.worker = undefined;
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    // A reply that cannot be deserialized never reaches 'message': fail what waits instead of losing it.
    worker.on('messageerror', (error) => {
      this.log(`A reply of the parse worker was lost: ${error.message}`);
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    });
    worker.on('exit', (code) => { if (this.worker === worker) fail(new Error(`exit code ${code}`)); });
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}

/**
 * Parses the sections of `text` that `cache` does not hold yet, in the worker when they are
 * large, and adds them to the cache. Never throws (falls back to parsing on demand).
 * @returns false when `isCancelled` turned true meanwhile
 */
export async function warmParseCache(worker: ParseWorker, cache: ServerParseCache, text: string, layout: number | SectionLayout, isCancelled: () => boolean): Promise<boolean> {
  // The same section texts `parseBrief` will ask the cache for (the split is shared with it).
  const missing = briefSections(text, layout, cache).map((s) => s.text).filter((s) => !cache.has(s));
  const size = missing.reduce((n, s) => n + s.length, 0);
  if (size <= WORKER_THRESHOLD) return !isCancelled();
  try {
    const roots = await worker.parse(missing);
    missing.forEach((section, i) => cache.add(section, roots[i]));
  } catch {
    // The main thread parses what is missing.
  }
  return !isCancelled();
}

/** Entry of the worker thread: parses section texts on request. */
export function runParseWorker(): void {
  parentPort?.on('message', (message: { id: number; texts: string[] }) => {
    try {
      parentPort!.postMessage({ id: message.id, roots: message.texts.map((t) => parseMarkdown(t)) });
    } catch (error) {
      parentPort!.postMessage({ id: message.id, error: (error as Error).message });
    }
  });
}
