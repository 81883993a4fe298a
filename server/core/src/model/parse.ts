/**
 * Markdown → mdast → the typed brief model (`BriefModel`).
 *
 * The document is split into the intro and one section per topic heading (`splitSections`);
 * each section is parsed with remark on its own, so a `ParseCache` lets an editor re-parse
 * only the topics an edit touched. All spans in the model are UTF-16 offsets into the whole
 * document. Never throws on any input string.
 */
import type { Root, RootContent, List, Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { parseMarkdown, parseSkeleton, type MarkdownLimit } from './markdown';
import { splitSections, type Section } from './sections';
import { splitBlockChunks, shiftPositions, shiftPoint } from './blocks';
import { LabelMatcher } from './labels';
import { linksOf, parseArticleValue, type LinkAt } from './article';
import type {
  BriefModel, Citation, CitationField, FrontMatter, LabelMatch, Span, TextBlock, Topic, TopicPart, TopicsListEntry,
} from './types';
import type { IssueSchema } from '../schema/types';

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
  private readonly findings = new TwoGenerations<string, Map<string, unknown>>();
  private topicOwner: unknown;
  private findingsOwner: unknown;
  private lastSplit: { text: string; headingLevel: number; sections: readonly BriefSection[] } | undefined;

  /**
   * The mdast of `sectionText` (positions relative to the section), parsed at most once per
   * generation. A new section text is assembled from its block chunks, of which only those not
   * seen in the last two generations are parsed. The returned tree is shared: do not modify it.
   */
  get(sectionText: string): Root {
    return this.roots.use(sectionText, () => this.parseByChunks(sectionText));
  }

  /** `briefSections(text, headingLevel)`, remembered for the last text (the server splits each version twice). */
  sections(text: string, headingLevel: number): readonly BriefSection[] {
    const last = this.lastSplit;
    if (last && last.headingLevel === headingLevel && last.text === text) return last.sections;
    const sections = briefSections(text, headingLevel);
    this.lastSplit = { text, headingLevel, sections };
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
    if (this.topicOwner !== owner) {
      this.topicOwner = owner;
      this.topics.clear();
    }
    const byIndex = this.topics.use(sectionText, () => new Map());
    let entry = byIndex.get(index);
    if (!entry) byIndex.set(index, (entry = { relative: build() }));
    if (entry.shifted?.base !== base) entry.shifted = { base, topic: shiftOffsets(entry.relative, base) };
    return entry.shifted.topic;
  }

  /**
   * Cached findings of topic-scoped rules for a section text and a short `key` (rule set and
   * topic index); `owner` is the configuration they depend on.
   */
  topicFindings<T>(sectionText: string, key: string, owner: unknown, build: () => T): T {
    if (this.findingsOwner !== owner) {
      this.findingsOwner = owner;
      this.findings.clear();
    }
    const byKey = this.findings.use(sectionText, () => new Map());
    let value = byKey.get(key) as T | undefined;
    if (value === undefined) byKey.set(key, (value = build()));
    return value;
  }

  /** Drops entries not used since the last call (call once per full document parse). */
  sweep(): void {
    this.roots.rotate();
    this.chunks.rotate();
    this.topics.rotate();
  }

  /** Drops findings not used since the last call (called once per check). */
  sweepFindings(): void {
    this.findings.rotate();
  }
}

/**
 * A map that keeps what was used in the current and the previous generation: `use` finds a
 * value in either (creating it if need be) and keeps it in the current one; `rotate` starts a
 * new generation, dropping what the previous one did not use again.
 */
class TwoGenerations<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  use(key: K, create: () => V): V {
    let value = this.current.get(key) ?? this.previous.get(key);
    if (value === undefined) value = create();
    this.current.set(key, value);
    return value;
  }

  rotate(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
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

/**
 * A deep copy of `value` with `delta` added to every `start` and `end` of span-like objects
 * (objects with numeric `start` and `end`). Used to move section-relative models and findings
 * to document offsets.
 */
export function shiftOffsets<T>(value: T, delta: number): T {
  return delta === 0 ? value : (shiftValue(value, delta) as T);
}

function shiftValue(item: unknown, delta: number): unknown {
  if (item === null || typeof item !== 'object') return item;
  if (Array.isArray(item)) {
    const copy = new Array(item.length);
    for (let i = 0; i < item.length; i++) copy[i] = shiftValue(item[i], delta);
    return copy;
  }
  const source = item as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key in source) {
    const child = source[key];
    copy[key] = child !== null && typeof child === 'object' ? shiftValue(child, delta) : child;
  }
  if (typeof copy.start === 'number' && typeof copy.end === 'number') {
    copy.start = (copy.start as number) + delta;
    copy.end = (copy.end as number) + delta;
  }
  return copy;
}

/** A section as `parseBrief` parses it: `[start, end)` in UTF-16 offsets of the document, and its text. */
export interface BriefSection extends Section {
  text: string;
}

/**
 * The sections of `text` (`splitSections`) exactly as `parseBrief` parses them: a BOM is not
 * part of the Markdown, so the intro starts after it. With `cache`, the split of the last text is
 * reused.
 */
export function briefSections(text: string, headingLevel: number, cache?: ParseCache): readonly BriefSection[] {
  if (cache) return cache.sections(text, headingLevel);
  return splitSections(text, headingLevel).map((section) => {
    const start = section.start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : section.start;
    return { kind: section.kind, start, end: section.end, text: text.slice(start, section.end) };
  });
}

/** Everything `parseBrief` needs from the schema: labels and heading level. */
export type ParseOptions = Pick<IssueSchema, 'issue' | 'topic'>;

/**
 * Builds the brief model of `text`.
 * @param text the whole document, as in the editor (BOM, CRLF kept)
 * @param schema the issue schema (labels, topic heading level)
 * @param cache optional parse cache shared across versions of the same document
 */
export function parseBrief(text: string, schema: ParseOptions, cache?: ParseCache): BriefModel {
  const builder = new ModelBuilder(text, schema);
  const model: BriefModel = { text, topics: [], sections: [] };
  for (const { kind, start, end, text: sectionText } of briefSections(text, schema.issue.topics.headingLevel, cache)) {
    let root = cache ? cache.get(sectionText) : parseMarkdown(sectionText);
    const index = model.topics.length;
    try {
      readSection(model, builder, kind, root, start, index, sectionText, schema, cache);
    } catch (error) {
      // A tree too deep for the model's walkers (a stack overflow): read the section's skeleton instead.
      root = unparsedSection(sectionText, error);
      model.topics.length = index;
      readSection(model, builder, kind, root, start, index, sectionText, schema, undefined);
    }
    model.sections.push({ start, end, text: sectionText, root });
    for (const limit of root.data?.limits ?? []) (model.limits ??= []).push({ ...limit, start: limit.start + start, end: limit.end + start });
  }
  cache?.sweep();
  return model;
}

/** Adds the intro's parts or the topic of one section to `model`. */
function readSection(model: BriefModel, builder: ModelBuilder, kind: Section['kind'], root: Root, start: number, index: number, sectionText: string, schema: ParseOptions, cache: ParseCache | undefined): void {
  if (kind === 'intro') builder.readIntro(model, root, start);
  else if (!cache) model.topics.push(builder.readTopic(root, start, index));
  // Topics are independent: build each from its own text (offsets relative to the section), cache, move.
  else model.topics.push(cache.topic(sectionText, index, start, schema, () => new ModelBuilder(sectionText, schema).readTopic(root, 0, index)));
}

/** The skeleton of a section whose tree could not be read, with a 'failed' limit. */
function unparsedSection(sectionText: string, error: unknown): Root {
  const root = parseSkeleton(sectionText);
  root.data = { limits: [{ start: 0, end: sectionText.length, reason: 'failed', detail: (error as Error)?.message ?? String(error) }] };
  return root;
}

/** Offsets of a node, shifted by the section base. */
function spanOf(text: string, node: { position?: { start: { offset?: number }; end: { offset?: number } } } | undefined, base: number): Span {
  const start = base + (node?.position?.start.offset ?? 0);
  const end = base + (node?.position?.end.offset ?? 0);
  return { start, end, text: text.slice(start, end) };
}

/** Splits `[start, end)` of `text` into lines: `[lineStart, lineEnd)` without line breaks. */
function linesIn(text: string, start: number, end: number): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let lineStart = start;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      lines.push({ start: lineStart, end: i });
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
    }
  }
  lines.push({ start: lineStart, end });
  return lines;
}

/**
 * A span trimmed of whitespace, Markdown hard-break markers (`\` or two spaces at line end) and
 * trailing HTML comments (`<!-- … -->` is invisible in the rendered brief, so it is not part of
 * a headline or a citation value).
 */
function trimmedSpan(text: string, start: number, end: number): Span {
  for (;;) {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /[\s\\]/.test(text[end - 1])) end--;
    if (end - start < 7 || text.slice(end - 3, end) !== '-->') break;
    const open = text.lastIndexOf('<!--', end - 3);
    if (open < start) break;
    end = open;
  }
  return { start, end, text: text.slice(start, end) };
}

/** Plain text of a Markdown fragment for word counts: emphasis, links and code marks removed. */
function plainText(markdown: string): string {
  return markdown
    // Linear: `[^)]*` rescanned to the end of text for each unclosed `[a](b` (quadratic).
    .replace(/!?\[((?:[^[\]]|\[[^[\]]*\])*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

class ModelBuilder {
  private readonly partLabels: LabelMatcher;
  private readonly fieldLabels: LabelMatcher;
  private readonly partByLabel = new Map<string, string>();
  private readonly fieldByLabel = new Map<string, string>();

  constructor(private readonly text: string, private readonly schema: ParseOptions) {
    const partLabels: string[] = [];
    for (const part of schema.topic.parts) {
      for (const label of [part.label, ...(part.aliases ?? [])]) {
        partLabels.push(label);
        this.partByLabel.set(normalizeLabel(label), part.id);
      }
    }
    const fieldLabels: string[] = [];
    for (const field of schema.topic.citation.fields) {
      for (const label of [field.label, ...(field.aliases ?? [])]) {
        fieldLabels.push(label);
        this.fieldByLabel.set(normalizeLabel(label), field.id);
      }
    }
    this.partLabels = new LabelMatcher(partLabels);
    this.fieldLabels = new LabelMatcher(fieldLabels);
  }

  readIntro(model: BriefModel, root: Root, base: number): void {
    for (const node of root.children) {
      if (node.type === 'yaml') model.frontMatter = this.readFrontMatter(node, base);
      else if (node.type === 'heading' && node.depth === 1 && !model.title) {
        const heading = spanOf(this.text, node, base);
        model.title = { heading, text: this.headingContent(heading) };
      } else if (node.type === 'list' && !model.topicsList) {
        model.topicsList = this.readTopicsList(node, base);
      }
    }
  }

  private readFrontMatter(node: RootContent, base: number): FrontMatter {
    const whole = spanOf(this.text, node, base);
    const lines = linesIn(this.text, whole.start, whole.end);
    // YAML runs from the line after the opening fence to the end of the line before the closing fence.
    const yamlStart = lines.length > 2 ? lines[1].start : lines[0].end;
    const yamlEnd = lines.length > 2 ? lines[lines.length - 2].end : yamlStart;
    const frontMatter: FrontMatter = { yaml: { start: yamlStart, end: yamlEnd, text: this.text.slice(yamlStart, yamlEnd) }, start: whole.start, end: whole.end };
    try {
      frontMatter.data = parseYaml(frontMatter.yaml.text, { prettyErrors: false, logLevel: 'error' });
    } catch (error) {
      const pos = (error as { pos?: [number, number] }).pos;
      frontMatter.error = {
        message: (error as Error).message.split('\n')[0],
        start: yamlStart + (pos?.[0] ?? 0),
        end: yamlStart + (pos?.[1] ?? frontMatter.yaml.text.length),
      };
    }
    return frontMatter;
  }

  private readTopicsList(list: List, base: number): NonNullable<BriefModel['topicsList']> {
    const whole = spanOf(this.text, list, base);
    const entries: TopicsListEntry[] = [];
    for (const item of list.children) {
      const first = item.children[0];
      const span = spanOf(this.text, first ?? item, base);
      const firstLine = linesIn(this.text, span.start, span.end)[0];
      entries.push({ ...spanOf(this.text, item, base), headline: trimmedSpan(this.text, firstLine.start, firstLine.end) });
    }
    return { entries, start: whole.start, end: whole.end };
  }

  /** The text of an ATX heading without `#` marks and closing sequence. */
  private headingContent(heading: Span): Span {
    const line = linesIn(this.text, heading.start, heading.end)[0];
    const raw = this.text.slice(line.start, line.end);
    const open = /^ {0,3}#{1,6}[ \t]*/.exec(raw)?.[0].length ?? 0;
    return trimmedSpan(this.text, line.start + open, line.start + open + withoutClosingSequence(raw.slice(open)));
  }

  readTopic(root: Root, base: number, index: number): Topic {
    const [first, ...rest] = root.children;
    const heading = spanOf(this.text, first as Heading, base);
    const content = this.headingContent(heading);
    const numberMatch = /^(\d{1,4})[.)](?=\s|$)\s*/.exec(content.text);
    const topic: Topic = {
      index,
      heading,
      headline: numberMatch ? trimmedSpan(this.text, content.start + numberMatch[0].length, content.end) : content,
      parts: [],
      citations: [],
      unassigned: [],
      start: base,
      end: base + (root.position?.end.offset ?? 0),
    };
    if (root.data?.limits?.some((l) => l.reason === 'failed')) topic.unparsed = true;
    if (numberMatch) {
      topic.number = Number(numberMatch[1]);
      topic.numberSpan = { start: content.start, end: content.start + numberMatch[1].length, text: numberMatch[1] };
    }
    let part: TopicPart | undefined;
    let citation: Citation | undefined;
    for (const node of rest) {
      const block = spanOf(this.text, node, base);
      if (node.type === 'list') {
        const items = node.children.map((item) => this.textBlock(spanOf(this.text, item, base), toString(item)));
        if (part && !citation) {
          part.lists.push(items);
          part.end = block.end;
        } else topic.unassigned.push(this.textBlock(block, toString(node)));
        continue;
      }
      if (node.type !== 'paragraph') {
        if (part && !citation) {
          (part.lists.length ? part.trailingParagraphs : part.paragraphs).push(this.textBlock(block, toString(node)));
          part.end = block.end;
        } else topic.unassigned.push(this.textBlock(block, toString(node)));
        continue;
      }
      // A paragraph: a part label may open it; citation lines may follow anywhere in it.
      const lines = linesIn(this.text, block.start, block.end);
      let proseEnd = block.end;
      let firstCitationLine = lines.findIndex((line) => this.fieldLabels.match(this.text.slice(line.start, line.end), line.start));
      if (firstCitationLine === 0 && this.partLabels.match(this.text.slice(lines[0].start, lines[0].end), lines[0].start)) firstCitationLine = -1;
      if (firstCitationLine >= 0) proseEnd = firstCitationLine === 0 ? block.start : lines[firstCitationLine - 1].end;
      if (proseEnd > block.start) {
        const label = this.partLabels.match(this.text.slice(lines[0].start, lines[0].end), lines[0].start);
        const prose = trimmedSpan(this.text, block.start, proseEnd);
        if (label) {
          citation = undefined;
          const lead = trimmedSpan(this.text, label.whole.end, proseEnd);
          part = {
            partId: this.partByLabel.get(normalizeLabel(label.name.text)) ?? label.name.text,
            label,
            lead: this.textBlock(lead, plainText(lead.text)),
            paragraphs: [],
            lists: [],
            trailingParagraphs: [],
            start: label.whole.start,
            end: prose.end,
          };
          topic.parts.push(part);
        } else if (part && !citation) {
          (part.lists.length ? part.trailingParagraphs : part.paragraphs).push(this.textBlock(prose, plainText(prose.text)));
          part.end = prose.end;
        } else topic.unassigned.push(this.textBlock(prose, plainText(prose.text)));
      }
      if (firstCitationLine < 0) continue;
      for (const line of lines.slice(firstCitationLine)) {
        const lineText = this.text.slice(line.start, line.end);
        const label = this.fieldLabels.match(lineText, line.start);
        if (!label) {
          // A continuation line of the previous field (a wrapped title, for instance).
          const previous = citation?.fields[citation.fields.length - 1];
          if (previous && lineText.trim()) {
            previous.value = trimmedSpan(this.text, previous.value.start, line.end);
            previous.line = { start: previous.line.start, end: line.end, text: this.text.slice(previous.line.start, line.end) };
            citation!.end = line.end;
          }
          continue;
        }
        const fieldId = this.fieldByLabel.get(normalizeLabel(label.name.text)) ?? label.name.text;
        const field: CitationField = {
          fieldId,
          label,
          value: trimmedSpan(this.text, label.whole.end, line.end),
          line: trimmedSpan(this.text, line.start, line.end),
        };
        if (!citation || fieldId === 'article' && citation.fields.some((f) => f.fieldId === 'article')) {
          citation = { fields: [], start: field.line.start, end: field.line.end };
          topic.citations.push(citation);
        } else if (citation.fields.some((f) => f.fieldId === fieldId)) {
          citation = { fields: [], start: field.line.start, end: field.line.end };
          topic.citations.push(citation);
        }
        citation.fields.push(field);
        citation.end = field.line.end;
        part = undefined;
      }
    }
    const links = topic.citations.length ? linksOf(root, base) : [];
    for (const c of topic.citations) this.resolveCitationFields(c, links);
    return topic;
  }

  private resolveCitationFields(citation: Citation, links: readonly LinkAt[]): void {
    for (const field of citation.fields) {
      if (field.fieldId === 'article' && !citation.article) {
        citation.article = { ...field, parsed: parseArticleValue(this.text, field.value, links, this.schema.topic.citation.chineseTitleParentheses) };
      } else if (field.fieldId === 'issuing-bodies' && !citation.issuingBodies) {
        citation.issuingBodies = { ...field, bodies: splitBodies(this.text, field.value) };
      } else if (field.fieldId === 'date' && !citation.date) {
        citation.date = field;
      }
    }
  }

  private textBlock(span: Span, plain: string): TextBlock {
    return { ...span, plain };
  }
}

/**
 * Length of an ATX heading's content without its optional closing sequence (`## Title ##`):
 * trailing blanks, then `#`s preceded by a blank. A scan, not `/(?:[ \t]+#+)?[ \t]*$/`, which is
 * quadratic on long blank runs.
 */
function withoutClosingSequence(content: string): number {
  const blank = (i: number) => content[i] === ' ' || content[i] === '\t';
  let end = content.length;
  while (end > 0 && blank(end - 1)) end--;
  let hashes = end;
  while (hashes > 0 && content[hashes - 1] === '#') hashes--;
  if (hashes < end && hashes > 0 && blank(hashes - 1)) {
    end = hashes;
    while (end > 0 && blank(end - 1)) end--;
  }
  return end;
}

/** Label key for lookups: lower case, single spaces. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Splits an `Issuing bodies:` value on `,` `，` `、` `;` `；`, and on ` and ` / `&` between
 * one-word names (`MIIT and NDRC`), keeping each name's span. A full name that contains
 * "and" (`Ministry of Ecology and Environment`) stays one name.
 */
function splitBodies(text: string, value: Span): Span[] {
  const bodies: Span[] = [];
  const push = (start: number, end: number) => {
    const span = trimmedSpan(text, start, end);
    if (span.end > span.start) bodies.push(span);
  };
  const splitPiece = (start: number, end: number) => {
    const piece = text.slice(start, end);
    // No `\s*` around the separators (parts are trimmed anyway): it made long blank runs quadratic.
    const joins = [...piece.matchAll(/\band\b|&/giu)];
    const parts: [number, number][] = [];
    let last = 0;
    for (const m of joins) {
      parts.push([last, m.index!]);
      last = m.index! + m[0].length;
    }
    parts.push([last, piece.length]);
    if (joins.length && parts.every(([s, e]) => /^\S+$/u.test(piece.slice(s, e).trim()))) {
      for (const [s, e] of parts) push(start + s, start + e);
    } else push(start, end);
  };
  let last = value.start;
  for (const m of value.text.matchAll(/[,，、;；]/gu)) {
    splitPiece(last, value.start + m.index!);
    last = value.start + m.index! + m[0].length;
  }
  splitPiece(last, value.end);
  return bodies;
}

export type { LabelMatch };
