/**
 * The preview's layout: a brief model laid out as a newsletter — masthead, intro with the linked
 * topics list, one section per topic (number, headline, summary box, commentary, citation cards
 * with issuing bodies named from the catalogue and dates as `<time>`). Markdown blocks are the
 * remark-rehype rendering of the section (`pipeline.ts`); elements are built with hastscript.
 */
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Root as MdastRoot } from 'mdast';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent, Text } from 'hast';
import { parseBrief } from '../../model/parse';
import { parseMarkdown } from '../../model/markdown';
import { LineIndex } from '../../text/lineIndex';
import type { BriefModel, Citation, CitationField, Span, TextBlock, Topic, TopicPart } from '../../model/types';
import { citationDay, patternHasDay } from '../../catalogue/citationDate';
import { isTitleCapture } from '../../model/citationFields';
import { isoDay } from '../../catalogue/dates';
import { issuingBodyNames } from '../../catalogue/bodyTokens';
import { yearSourceDay } from '../../rules/date/issueDay';
import type { PreviewConfig, PreviewOptions, PreviewTopic } from '../preview';
import { PREVIEW_ID_PREFIX, toHast } from './pipeline';

/** Source span (absolute UTF-16 offsets into the document) of each rendered element. */
export type SourceSpans = Map<Element, { start: number; end: number }>;

/** A hast text node. */
function text(value: string): Text {
  return { type: 'text', value };
}

/** Adds class names to an element. */
export function addClass(element: Element, ...names: string[]): void {
  const current: unknown = element.properties.className;
  const list = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? current.split(/\s+/) : [];
  element.properties.className = [...list, ...names];
}

/** Builds the hast tree of one rendering; the source span of each rendered element is kept for the annotations. */
export class BriefLayout {
  readonly lineIndex: LineIndex;
  private readonly model: BriefModel;
  /** Source span (absolute UTF-16 offsets) of each rendered element. */
  readonly spans: SourceSpans = new Map();
  /** Elements of the current section's hast by `start:end` source key. */
  private byKey = new Map<string, Element>();

  constructor(private readonly text: string, private readonly config: PreviewConfig, options: PreviewOptions) {
    this.lineIndex = new LineIndex(text);
    this.model = parseBrief(text, config.schema, options.cache);
  }

  /** The `<article class="pb-brief">` of the brief, its topics and its title (not yet annotated). */
  layout(): { article: Element; topics: PreviewTopic[]; title?: string } {
    const children: ElementContent[] = [];
    const topics: PreviewTopic[] = [];
    let nextTopic = 0;
    for (const section of this.model.sections) {
      // YAML front matter is configuration, not content.
      const root: MdastRoot = { ...section.root, children: section.root.children.filter((c) => c.type !== 'yaml') };
      const hast = toHast(root);
      this.byKey = new Map();
      this.register(hast.children, section.start, true);
      const topic = this.model.topics[nextTopic];
      if (!topic || topic.start !== section.start || section.end <= section.start) {
        children.push(...this.renderIntro(hast));
        continue;
      }
      nextTopic++;
      children.push(this.renderTopic(topic));
      topics.push({
        index: topic.index,
        number: topic.number,
        headline: topic.headline.text,
        line: this.lineIndex.positionAt(topic.heading.start).line,
        anchor: `${PREVIEW_ID_PREFIX}${topicId(topic)}`,
      });
    }
    const article = h('article', { className: ['pb-brief'] }, children);
    this.spans.set(article, { start: 0, end: this.text.length });
    return { article, topics, title: this.model.title?.text.text };
  }

  /**
   * Records the absolute span of every positioned element under `nodes` (positions are relative
   * to `base`); with `index`, also makes them findable by `start:end`.
   */
  private register(nodes: readonly HastContent[], base: number, index = false): void {
    for (const node of nodes) {
      visit(node, 'element', (element: Element) => {
        const start = element.position?.start.offset;
        const end = element.position?.end.offset;
        if (start === undefined || end === undefined) return;
        const span = { start: base + start, end: base + end };
        this.spans.set(element, span);
        if (index) this.byKey.set(`${span.start}:${span.end}`, element);
      });
    }
  }

  /** Markdown of `[start, end)` rendered on its own (for slices that are not whole mdast nodes). */
  private fragment(start: number, end: number): ElementContent[] {
    const hast = toHast(parseMarkdown(this.text.slice(start, end)));
    this.register(hast.children, start);
    return hast.children.filter((c): c is ElementContent => c.type !== 'doctype');
  }

  /** Inline content of a slice: the children of its paragraph when it is one paragraph. */
  private inline(span: Span): ElementContent[] {
    const nodes = this.fragment(span.start, span.end).filter((n) => !(n.type === 'text' && !n.value.trim()));
    if (nodes.length === 1 && nodes[0].type === 'element' && nodes[0].tagName === 'p') return nodes[0].children;
    return nodes;
  }

  /** The rendered block of a model block: its element from the section when it is a whole node, else a re-render. */
  private block(span: { start: number; end: number }): ElementContent[] {
    const element = this.byKey.get(`${span.start}:${span.end}`);
    return element ? [element] : this.fragment(span.start, span.end);
  }

  private track<T extends Element>(element: T, span: { start: number; end: number }): T {
    this.spans.set(element, { start: span.start, end: span.end });
    return element;
  }

  private renderIntro(hast: HastRoot): ElementContent[] {
    const masthead: ElementContent[] = [];
    const intro: ElementContent[] = [];
    const title = this.model.title;
    const topicsList = this.model.topicsList;
    for (const node of hast.children) {
      if (node.type !== 'element') continue;
      const span = this.spans.get(node);
      if (title && span?.start === title.heading.start) {
        addClass(node, 'pb-title');
        masthead.push(node);
      } else if (topicsList && span?.start === topicsList.start) {
        intro.push(this.renderTopicsList());
      } else if (title && span && span.start < title.heading.start) {
        addClass(node, 'pb-kicker');
        masthead.push(node);
      } else {
        intro.push(node);
      }
    }
    const out: ElementContent[] = [];
    if (masthead.length) out.push(this.track(h('header', { className: ['pb-masthead'] }, masthead), { start: this.spans.get(masthead[0] as Element)!.start, end: title?.heading.end ?? this.spans.get(masthead[0] as Element)!.end }));
    if (intro.length) {
      const first = this.spans.get(intro[0] as Element);
      const last = this.spans.get(intro[intro.length - 1] as Element);
      const section = h('section', { className: ['pb-intro'] }, intro);
      out.push(first && last ? this.track(section, { start: first.start, end: last.end }) : section);
    }
    return out;
  }

  /** The intro's topics list, each entry linked to its topic. */
  private renderTopicsList(): Element {
    const list = this.model.topicsList!;
    const items = list.entries.map((entry, i) => {
      const topic = this.model.topics[i];
      const original = this.byKey.get(`${entry.start}:${entry.end}`);
      const label = original ? toString(original).trim() : entry.headline.text;
      const content: ElementContent = topic ? h('a', { href: `#${PREVIEW_ID_PREFIX}${topicId(topic)}`, className: ['pb-topic-link'] }, [text(label)]) : text(label);
      return this.track(h('li', {}, [content]), entry);
    });
    const ol = h('ol', { className: ['pb-topics-list'] }, items);
    return this.track(h('nav', { className: ['pb-topics'], ariaLabel: 'Topics' }, [ol]), list);
  }

  private renderTopic(topic: Topic): Element {
    const headingElement = this.byKey.get(`${topic.heading.start}:${topic.heading.end}`);
    const headline: ElementContent[] = headingElement ? stripNumber(headingElement.children) : [text(topic.headline.text)];
    const headerChildren: ElementContent[] = [];
    if (topic.number !== undefined) headerChildren.push(h('span', { className: ['pb-topic-number'] }, [text(String(topic.number))]));
    headerChildren.push(h(`h${this.config.schema.issue.topics.headingLevel}`, { className: ['pb-topic-headline'] }, headline));
    const header = this.track(h('header', { className: ['pb-topic-header'] }, headerChildren), topic.heading);

    type Item = { start: number; kind: 'citation' | 'other'; nodes: ElementContent[] };
    const items: Item[] = [];
    for (const part of topic.parts) items.push({ start: part.start, kind: 'other', nodes: [this.renderPart(part)] });
    for (const citation of topic.citations) items.push({ start: citation.start, kind: 'citation', nodes: [this.renderCitation(citation)] });
    for (const block of topic.unassigned) items.push({ start: block.start, kind: 'other', nodes: this.block(block) });
    items.sort((a, b) => a.start - b.start);

    const body: ElementContent[] = [header];
    let citations: Element | undefined;
    for (const item of items) {
      if (item.kind === 'citation') {
        if (!citations) {
          citations = h('div', { className: ['pb-citations'] });
          body.push(citations);
        }
        citations.children.push(...item.nodes);
      } else {
        citations = undefined;
        body.push(...item.nodes);
      }
    }
    return this.track(h('section', { className: ['pb-topic'], id: topicId(topic), dataTopic: topic.index + 1 }, body), topic);
  }

  private renderPart(part: TopicPart): Element {
    const schema = this.config.schema.topic.parts.find((p) => p.id === part.partId);
    const isSummary = Boolean(schema?.keyPoints);
    // The unlabelled part (prose after the topic heading) is shown without a label.
    const label = part.label ? schema?.label ?? part.label.name.text : undefined;
    const children: ElementContent[] = label === undefined ? [] : [h('h3', { className: ['pb-part-label'] }, [text(label)])];
    if (part.lead.text) children.push(this.track(h('p', { className: ['pb-lead'] }, this.inline(part.lead)), part.lead));
    for (const paragraph of part.paragraphs) children.push(...this.block(paragraph));
    for (const list of part.lists) children.push(this.renderKeyPoints(list, isSummary));
    for (const paragraph of part.trailingParagraphs) children.push(...this.block(paragraph));
    const kind = isSummary ? 'pb-part--summary' : 'pb-part--commentary';
    return this.track(h(isSummary ? 'aside' : 'div', { className: ['pb-part', kind], dataPart: part.partId }, children), part);
  }

  private renderKeyPoints(list: TextBlock[], isSummary: boolean): Element {
    const items: ElementContent[] = [];
    for (const item of list) {
      const li = this.byKey.get(`${item.start}:${item.end}`);
      if (li) items.push(li);
      else items.push(this.track(h('li', {}, this.inline(stripBullet(this.text, item))), item));
    }
    const span = { start: list[0]?.start ?? 0, end: list[list.length - 1]?.end ?? 0 };
    return this.track(h('ul', { className: isSummary ? ['pb-key-points'] : [] }, items), span);
  }

  private renderCitation(citation: Citation): Element {
    const children: ElementContent[] = [];
    // The title: the `article` field, else a `chinese-title` or `link` capture (read into `citation.article`); the others are part of it.
    const titleField = citation.fields.find((f) => f.fieldId === 'article') ?? citation.fields.find(isTitleCapture);
    for (const field of citation.fields) {
      if (field === titleField && citation.article) children.push(this.renderArticle(citation.article));
      else if (isTitleCapture(field) && citation.article) continue;
      else if (field === citation.fields.find((f) => f.fieldId === 'issuing-bodies') && citation.issuingBodies) children.push(this.renderBodies(citation));
      else if (field === citation.fields.find((f) => f.fieldId === 'date') && citation.date) children.push(this.renderDate(citation.date));
      else children.push(this.renderOtherField(field));
    }
    return this.track(h('div', { className: ['pb-citation'] }, children), citation);
  }

  private fieldLabel(field: CitationField): Element {
    const schema = this.config.schema.topic.citation.fields.find((f) => f.id === field.fieldId);
    return h('span', { className: ['pb-field-label'] }, [text(schema?.label ?? field.label.name.text)]);
  }

  private renderArticle(field: NonNullable<Citation['article']>): Element {
    const { englishTitle, chineseTitle, link } = field.parsed;
    const english = englishTitle?.text ?? (chineseTitle ? '' : field.value.text);
    const children: ElementContent[] = [];
    if (english) {
      const titleContent: ElementContent[] = [text(english)];
      const content = link?.url ? [h('a', { href: link.url, className: ['pb-citation-link'] }, titleContent)] : titleContent;
      children.push(this.track(h('p', { className: ['pb-citation-title-en'], lang: 'en' }, content), englishTitle ?? field.value));
    }
    if (chineseTitle) children.push(this.track(h('p', { className: ['pb-citation-title-zh'], lang: 'zh-CN' }, [text(chineseTitle.text)]), chineseTitle));
    if (!english && link?.url) children.push(h('p', { className: ['pb-citation-title-en'] }, [h('a', { href: link.url, className: ['pb-citation-link'] }, [text(link.url)])]));
    return this.track(h('div', { className: ['pb-citation-field', 'pb-citation-article'] }, children), field.line);
  }

  /** The `Issuing bodies:` field, one item per name as the rules read it (`issuingBodyNames`). */
  private renderBodies(citation: Citation): Element {
    const field = citation.issuingBodies!;
    const items = issuingBodyNames(citation, this.config.catalogue, this.text).map((body) => this.track(h('li', {}, [this.renderBody(body)]), body));
    return this.track(
      h('div', { className: ['pb-citation-field', 'pb-citation-bodies'] }, [this.fieldLabel(field), h('ul', { className: ['pb-bodies'] }, items)]),
      field.line,
    );
  }

  /** One issuing body: full English name, Chinese name as tooltip, the abbreviation as written. */
  private renderBody(reference: Span): ElementContent {
    const written = reference.text;
    const catalogue = this.config.catalogue;
    const ambiguous = catalogue.ambiguous.get(written.toUpperCase());
    if (ambiguous) {
      const names = ambiguous.map((id) => catalogue.bodyById(id)).filter((b) => b !== undefined).map((b) => `${b.name_en} (${b.name_zh})`);
      return h('span', { className: ['pb-body', 'pb-body-ambiguous'], title: names.join('\n') }, [text(written)]);
    }
    const found = catalogue.lookupBody(written)?.body;
    if (!found) return h('span', { className: ['pb-body', 'pb-body-unknown'], title: written }, [text(written)]);
    const children: ElementContent[] = [h('span', { className: ['pb-body-name'], lang: 'en' }, [text(found.name_en)])];
    if (written !== found.name_en) children.push(text(' '), h('span', { className: ['pb-body-abbr'] }, [text(`(${written})`)]));
    return h('span', { className: ['pb-body'], title: found.name_zh_full ?? found.name_zh, lang: 'en' }, children);
  }

  /**
   * A citation date as written, in a `<time>` whose `datetime` is the day it stands for: read as the
   * check reads it (a year-less date in the year of the date, else this year's), and only
   * to the month for a month-precision format (`MM.yyyy` → `2022-07`).
   */
  private renderDate(field: CitationField): Element {
    const dateFormat = this.config.schema.topic.citation.dateFormat;
    const day = citationDay(field.value.text, dateFormat, yearSourceDay(this.model));
    const dateTime = day === undefined ? undefined : patternHasDay(dateFormat) ? isoDay(day) : isoDay(day).slice(0, 7);
    const value: ElementContent = dateTime !== undefined ? h('time', { dateTime }, [text(field.value.text)]) : text(field.value.text);
    return this.track(h('div', { className: ['pb-citation-field', 'pb-citation-date'] }, [this.fieldLabel(field), text(' '), value]), field.line);
  }

  private renderOtherField(field: CitationField): Element {
    return this.track(h('div', { className: ['pb-citation-field'] }, [this.fieldLabel(field), text(' '), text(field.value.text)]), field.line);
  }
}

/** Element id (before the sanitizer's prefix) of a topic's section. */
function topicId(topic: Topic): string {
  return `topic-${topic.index + 1}`;
}

/** Heading content without the leading `1. ` topic number. */
function stripNumber(children: readonly ElementContent[]): ElementContent[] {
  const [first, ...rest] = children;
  if (first?.type === 'text') {
    const value = first.value.replace(/^\s*\d{1,4}[.)]\s*/, '');
    return value ? [{ ...first, value }, ...rest] : rest;
  }
  return [...children];
}

/** A list item's span without its bullet marker, for re-rendering its content alone. */
function stripBullet(text: string, item: Span): Span {
  const m = /^\s*(?:[-*+]|\d{1,9}[.)])[ \t]*/.exec(item.text);
  const start = item.start + (m?.[0].length ?? 0);
  return { start, end: item.end, text: text.slice(start, item.end) };
}
