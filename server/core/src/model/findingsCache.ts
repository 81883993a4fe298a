/**
 * Findings of topic-scoped rules per section text and key (rule set and topic index), reused
 * while the section text and the configuration stay the same (see `checkBrief`).
 */
import { TwoGenerations } from './twoGenerations';

/** Caches rule findings per section text; `owner` is the configuration they depend on (another owner empties it). */
export class FindingsCache {
  private readonly findings = new TwoGenerations<string, Map<string, unknown>>();
  private owner: unknown;

  /** The cached value for `sectionText` and `key`, built by `build` when missing. */
  get<T>(sectionText: string, key: string, owner: unknown, build: () => T): T {
    if (this.owner !== owner) {
      this.owner = owner;
      this.findings.clear();
    }
    const byKey = this.findings.use(sectionText, () => new Map());
    let value = byKey.get(key) as T | undefined;
    if (value === undefined) byKey.set(key, (value = build()));
    return value;
  }

  /** Drops findings not used since the last call (called once per check). */
  sweep(): void {
    this.findings.rotate();
  }
}
