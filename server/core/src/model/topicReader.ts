/**
 * Reading a topic (and the intro) from its mdast and its source lines: headings, part labels,
 * key-point lists, citation fields, issuing bodies. Offsets are document offsets (UTF-16).
 */
import type { Root, RootContent, List, Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { schemaLabels, type LabelMatcher, type SchemaLabels } from './labels';
import { linksOf, looksLikeFieldLine } from './article';
import { resolveCitationFields } from './citationFields';
import { readProseTitles } from './proseTitles';
import { bylinePattern, findByline } from './byline';
import { linesIn, plainText, spanOf, trimmedSpan } from './spans';
import { headingCaptures, headingPattern } from './headingMetadata';
import { citationLinePatterns, readCitationLine } from './citationLines';
import type { ParseOptions } from './parse';
import type { SchemaRegExp } from './schemaPattern';
import type {
  BriefModel, Citation, CitationField, FrontMatter, Span, TextBlock, Topic, TopicPart, TopicsListEntry,
} from './types';

/** Reads the intro and the topics of a brief from their mdast and source lines. */
export class ModelBuilder {
  private readonly partLabels: LabelMatcher;
  private readonly fieldLabels: LabelMatcher;
  private readonly labels: SchemaLabels;
  /** The id of the schema's part without a label that opens the topic (the prose after the heading), if any. */
  private readonly leadingId: string | undefined;
  /** The id of the schema's part without a label with `after: citation` (the prose after the citation block), if any. */
  private readonly afterCitationId: string | undefined;
  /** The schema's citation line patterns (`topic.citation.lines`) that compile. */
  private readonly linePatterns: SchemaRegExp[];

  constructor(private readonly text: string, private readonly schema: ParseOptions) {
    this.labels = schemaLabels(schema);
    this.partLabels = this.labels.parts;
    this.fieldLabels = this.labels.fields;
    this.leadingId = schema.topic.parts.find((p) => p.label === undefined && p.after === undefined)?.id;
    this.afterCitationId = schema.topic.parts.find((p) => p.label === undefined && p.after === 'citation')?.id;
    this.linePatterns = citationLinePatterns(schema);
  }

  readIntro(model: BriefModel, root: Root, base: number): void {
    const oneLineParagraphs: Span[] = [];
    for (const node of root.children) {
      if (node.type === 'yaml') model.frontMatter = this.readFrontMatter(node, base);
      else if (node.type === 'heading' && node.depth === 1 && !model.title) {
        const heading = spanOf(this.text, node, base);
        model.title = { heading, text: this.headingContent(heading) };
      } else if (node.type === 'list' && !model.topicsList) {
        model.topicsList = this.readTopicsList(node, base);
      } else if (node.type === 'paragraph') {
        const line = trimmedSpan(this.text, base + (node.position?.start.offset ?? 0), base + (node.position?.end.offset ?? 0));
        if (!/[\r\n]/.test(line.text)) oneLineParagraphs.push(line);
      }
    }
    const byline = findByline(oneLineParagraphs, bylinePattern(this.schema));
    if (byline) model.byline = byline;
  }

  /** A group heading's or the closing section's heading (schema `issue.groups`, `issue.closing`): not a topic. */
  readOutside(model: BriefModel, kind: 'group' | 'closing', root: Root, base: number): void {
    const first = root.children[0];
    if (first?.type !== 'heading') return;
    const heading = spanOf(this.text, first, base);
    const section = { heading, text: this.headingContent(heading), start: base, end: base + (root.position?.end.offset ?? 0) };
    if (kind === 'closing') model.closing = section;
    else (model.groups ??= []).push(section);
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
    this.readHeadingMetadata(topic);
    let part: TopicPart | undefined;
    let citation: Citation | undefined;
    // The schema's unlabelled parts: the prose before the first label or citation line, and (`after: citation`) the prose after a citation block.
    const unlabelledToOpen = (): string | undefined => {
      if (part) return undefined;
      // With the citation allowed at the top (`position: start` or `any`), the prose after it opens the topic's parts.
      if (!topic.parts.length && (!topic.citations.length || (this.schema.topic.citation.position ?? 'end') !== 'end')) return this.leadingId;
      return citation && !topic.parts.some((p) => p.partId === this.afterCitationId) ? this.afterCitationId : undefined;
    };
    const openUnlabelled = (id: string, lead: TextBlock, first: Span) => {
      citation = undefined;
      return this.unlabelledPart(topic, id, lead, first);
    };
    for (const node of rest) {
      const block = spanOf(this.text, node, base);
      if (node.type === 'list') {
        const items = node.children.map((item) => this.textBlock(spanOf(this.text, item, base), toString(item)));
        const unlabelled = unlabelledToOpen();
        if (unlabelled) part = openUnlabelled(unlabelled, this.textBlock({ start: block.start, end: block.start, text: '' }, ''), block);
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
      // A paragraph: a part label may open it; `Label:` citation lines may follow anywhere in it.
      // Citation line patterns are tried only on a paragraph's first line and on a line right after
      // a citation line: a wrapped prose line (`GDPR | PIPL`) is never one. After a line read by a
      // pattern, a line that is no citation line starts prose again.
      const lines = linesIn(this.text, block.start, block.end);
      const labelled = lines.map((line) => this.fieldLabels.match(this.text.slice(line.start, line.end), line.start) !== undefined);
      const captured: (CitationField[] | undefined)[] = [];
      lines.forEach((line, i) => {
        captured.push(i === 0 || captured[i - 1] !== undefined || labelled[i - 1] ? readCitationLine(this.text, line, this.linePatterns) : undefined);
      });
      const isCitationLine = (i: number) => captured[i] !== undefined || labelled[i];
      for (let from = 0; from < lines.length;) {
        let firstCitationLine = -1;
        for (let i = from; i < lines.length && firstCitationLine < 0; i++) if (isCitationLine(i)) firstCitationLine = i;
        if (firstCitationLine === from && this.partLabels.match(this.text.slice(lines[from].start, lines[from].end), lines[from].start)) firstCitationLine = -1;
        const proseStart = lines[from].start;
        const proseEnd = firstCitationLine < 0 ? block.end : firstCitationLine === from ? proseStart : lines[firstCitationLine - 1].end;
        if (proseEnd > proseStart) {
          const label = this.partLabels.match(this.text.slice(lines[from].start, lines[from].end), lines[from].start);
          const prose = trimmedSpan(this.text, proseStart, proseEnd);
          if (label) {
            citation = undefined;
            const lead = trimmedSpan(this.text, label.whole.end, proseEnd);
            part = {
              partId: this.labels.partId(label.name.text) ?? label.name.text,
              label,
              anchor: label.whole,
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
          } else if (unlabelledToOpen()) {
            part = openUnlabelled(unlabelledToOpen()!, this.textBlock(prose, plainText(prose.text)), prose);
          } else topic.unassigned.push(this.textBlock(prose, plainText(prose.text)));
        }
        if (firstCitationLine < 0) break;
        from = lines.length;
        let previousByPattern = false;
        for (let i = firstCitationLine; i < lines.length; i++) {
          const line = lines[i];
          const lineText = this.text.slice(line.start, line.end);
          const byPattern = captured[i];
          const label = byPattern ? undefined : this.fieldLabels.match(lineText, line.start);
          if (!byPattern && !label) {
            if (previousByPattern && lineText.trim()) {
              // A pattern reads its whole line: what follows it and is no citation line is prose.
              from = i;
              break;
            }
            // A continuation line of the previous field (a wrapped title, for instance).
            const previous = citation?.fields[citation.fields.length - 1];
            // A `Label:` line the schema does not know (`Document number: …`) ends the field above.
            if (previous && lineText.trim() && !looksLikeFieldLine(lineText)) {
              previous.value = trimmedSpan(this.text, previous.value.start, line.end);
              previous.line = { start: previous.line.start, end: line.end, text: this.text.slice(previous.line.start, line.end) };
              citation!.end = line.end;
            }
            continue;
          }
          previousByPattern = Boolean(byPattern);
          const fields: CitationField[] = byPattern ?? [{
            fieldId: this.labels.fieldId(label!.name.text) ?? label!.name.text,
            label: label!,
            value: trimmedSpan(this.text, label!.whole.end, line.end),
            line: trimmedSpan(this.text, line.start, line.end),
          }];
          const lineSpan = trimmedSpan(this.text, line.start, line.end);
          // A field the block has already (a second `Article:`, another date) starts the next citation.
          if (!citation || fields.some((field) => citation!.fields.some((f) => f.fieldId === field.fieldId))) {
            citation = { fields: [], start: lineSpan.start, end: lineSpan.end };
            topic.citations.push(citation);
          }
          citation.fields.push(...fields);
          citation.end = lineSpan.end;
          part = undefined;
        }
      }
    }
    const links = topic.citations.length ? linksOf(root, base) : [];
    for (const c of topic.citations) resolveCitationFields(this.text, c, links, this.schema.topic.citation.chineseTitleParentheses);
    if (this.schema.topic.chineseTitles?.inProse) {
      const titles = readProseTitles(this.text, [...topic.parts.flatMap((p) => [p.lead, ...p.paragraphs, ...p.lists.flat(), ...p.trailingParagraphs]), ...topic.unassigned]);
      if (titles.length) topic.proseTitles = titles;
    }
    return topic;
  }

  /**
   * Opens the schema's unlabelled part with `lead` (its first paragraph, or an empty span where it
   * opens with a list); `first` is that first block, whose first line is the part's anchor.
   */
  private unlabelledPart(topic: Topic, partId: string, lead: TextBlock, first: Span): TopicPart {
    const firstLine = linesIn(this.text, first.start, first.end)[0];
    const part: TopicPart = {
      partId,
      anchor: trimmedSpan(this.text, first.start, Math.min(first.end, firstLine.end)),
      lead,
      paragraphs: [],
      lists: [],
      trailingParagraphs: [],
      start: lead.start,
      end: lead.end,
    };
    topic.parts.push(part);
    return part;
  }

  /** The schema's heading pattern on the headline: the heading citation, and the headline narrowed to its `headline` capture. */
  private readHeadingMetadata(topic: Topic): void {
    const pattern = headingPattern(this.schema);
    if (!pattern) return;
    const captures = headingCaptures(pattern, topic.headline.text);
    // Matched, and gave metadata: a pattern whose metadata groups are optional can match a bare headline.
    topic.headingMatched = Boolean(captures && (captures['issuing-bodies'] || captures.date || captures.document));
    if (!captures) return;
    const at = (capture: [number, number]) => trimmedSpan(this.text, topic.headline.start + capture[0], topic.headline.start + capture[1]);
    const field = (fieldId: string, capture: [number, number]): CitationField => {
      const value = at(capture);
      const empty = { start: value.start, end: value.start, text: '' };
      return { fieldId, label: { name: empty, whole: empty }, value, line: topic.heading, captured: true };
    };
    const fields: CitationField[] = [];
    if (captures.document) fields.push(field('article', captures.document));
    if (captures['issuing-bodies']) fields.push(field('issuing-bodies', captures['issuing-bodies']));
    if (captures.date) fields.push(field('date', captures.date));
    if (captures.headline) topic.headline = at(captures.headline);
    if (!fields.length) return;
    const citation: Citation = { fields, start: Math.min(...fields.map((f) => f.value.start)), end: Math.max(...fields.map((f) => f.value.end)) };
    resolveCitationFields(this.text, citation, [], this.schema.topic.citation.chineseTitleParentheses);
    topic.headingCitation = citation;
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
