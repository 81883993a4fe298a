/**
 * The parse cache of one document: mdast per section text (assembled from cached block chunks),
 * topic models and intro parts per section text, and (through `FindingsCache`) findings of topic-scoped rules.
 */
import type { Root, RootContent } from 'mdast';
import { parseMarkdown, type MarkdownLimit } from './markdown';
import { splitBlockChunks } from './blocks';
import { shiftOffsets, shiftPositions, shiftPoint } from './shift';
import { TwoGenerations } from './twoGenerations';
import { FindingsCache } from './findingsCache';
import { briefSections, type BriefSection } from './parse';
import type { BriefModel, Topic } from './types';

/** What the intro section adds to a brief model. */
export type IntroParts = Partial<Omit<BriefModel, 'text' | 'topics' | 'sections'>>;
import type { SectionLayout } from './sections';

/**
 * Caches, per section text, the mdast and the topic model (with section-relative offsets), and
 * per topic the findings of topic-scoped rules (see `checkBrief`). Pass the same instance across
 * edits of one document: an edit then re-parses and re-checks only the topics it touched.
 * Within a changed section, only the changed block chunks (`splitBlockChunks`) are parsed again.
 * Entries not used by the latest parse are dropped by `sweep`.
 */
export class ParseCache {
  private readonly roots = new TwoGenerations<string, Root>();
  private readonly chunks = new TwoGenerations<string, CachedChunk>();
  private readonly topics = new TwoGenerations<string, Map<number, CachedTopic>>();
  private readonly intros = new TwoGenerations<string, IntroParts>();
  private readonly findings = new FindingsCache();
  private topicOwner: unknown;
  private lastSplit: { text: string; layout: number | SectionLayout; sections: readonly BriefSection[] } | undefined;

  /**
   * The mdast of `sectionText` (positions relative to the section), parsed at most once per
   * generation. A new section text is assembled from its block chunks, of which only those not
   * seen in the last two generations are parsed. The returned tree is shared: do not modify it.
   */
  get(sectionText: string): Root {
    return this.roots.use(sectionText, () => this.parseByChunks(sectionText));
  }

  /** `briefSections(text, headingLevel)`, remembered for the last text (the server splits each version twice). */
  sections(text: string, layout: number | SectionLayout): readonly BriefSection[] {
    const last = this.lastSplit;
    if (last && last.layout === layout && last.text === text) return last.sections;
    const sections = briefSections(text, layout);
    this.lastSplit = { text, layout, sections };
    return sections;
  }

  /** Parses `sectionText` chunk by chunk, reusing cached chunks (equal to `parseMarkdown(sectionText)`). */
  private parseByChunks(sectionText: string): Root {
    const chunks = splitBlockChunks(sectionText);
    if (chunks.length === 1) return parseMarkdown(sectionText);
    const children: RootContent[] = [];
    const limits: MarkdownLimit[] = [];
    let last: CachedChunk | undefined;
    chunks.forEach(({ start, line }, i) => {
      const text = sectionText.slice(start, i + 1 < chunks.length ? chunks[i + 1].start : sectionText.length);
      const entry = this.chunks.use(text, () => ({ root: parseMarkdown(text) }));
      for (const limit of entry.root.data?.limits ?? []) limits.push({ ...limit, start: limit.start + start, end: limit.end + start });
      if (start === 0) {
        children.push(...entry.root.children);
      } else {
        if (entry.shifted?.start !== start || entry.shifted.line !== line) {
          entry.shifted = { start, line, children: shiftPositions(entry.root.children, start, line) };
        }
        children.push(...entry.shifted.children);
      }
      last = entry;
    });
    const { start, line } = chunks[chunks.length - 1];
    const end = last!.root.position!.end;
    const root: Root = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: shiftPoint(end, start, line) } };
    if (limits.length) root.data = { limits };
    return root;
  }

  /**
   * The topic model of a section at document offset `base`: built once per section text and
   * index by `build` (section-relative offsets), moved to `base`, and reused as is while `base`
   * stays the same. `owner` is the schema the models depend on: another owner empties the cache.
   */
  topic(sectionText: string, index: number, base: number, owner: unknown, build: () => Topic): Topic {
    this.ownedBy(owner);
    const byIndex = this.topics.use(sectionText, () => new Map());
    let entry = byIndex.get(index);
    if (!entry) byIndex.set(index, (entry = { relative: build() }));
    if (entry.shifted?.base !== base) entry.shifted = { base, topic: shiftOffsets(entry.relative, base) };
    return entry.shifted.topic;
  }

  /**
   * The parts of the intro section `sectionText` at document offset `base` (0, or 1 after a
   * BOM), read once by `build` per text, base and `owner` (the schema). The parts are shared
   * between models: do not modify them.
   */
  intro(sectionText: string, base: number, owner: unknown, build: () => IntroParts): IntroParts {
    this.ownedBy(owner);
    return this.intros.use(`${base}:${sectionText}`, build);
  }

  /** Empties the model caches when the schema they were read with changes. */
  private ownedBy(owner: unknown): void {
    if (this.topicOwner === owner) return;
    this.topicOwner = owner;
    this.topics.clear();
    this.intros.clear();
  }

  /**
   * Cached findings of topic-scoped rules for a section text and a short `key` (rule set and
   * topic index); `owner` is the configuration they depend on.
   */
  topicFindings<T>(sectionText: string, key: string, owner: unknown, build: () => T): T {
    return this.findings.get(sectionText, key, owner, build);
  }

  /** Drops entries not used since the last call (call once per full document parse). */
  sweep(): void {
    this.roots.rotate();
    this.chunks.rotate();
    this.topics.rotate();
    this.intros.rotate();
  }

  /** Drops findings not used since the last call (called once per check). */
  sweepFindings(): void {
    this.findings.sweep();
  }
}

/** A cached block chunk: its mdast (chunk-relative), plus its children moved to where the chunk last was. */
interface CachedChunk {
  root: Root;
  shifted?: { start: number; line: number; children: RootContent[] };
}

/** A cached topic model: section-relative, plus the copy moved to the latest base offset. */
interface CachedTopic {
  relative: Topic;
  shifted?: { base: number; topic: Topic };
}
