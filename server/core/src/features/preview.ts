/**
 * The brief preview: a brief rendered as a newsletter page, as sanitized HTML.
 *
 * Pure (no VS Code, no file system): the VS Code preview, the browser test and any other host
 * call `renderBriefHtml` and wrap the result in their own page (stylesheet, CSP, script).
 *
 * Pipeline: the core's brief model (`parseBrief`, the same remark parser the checker uses) gives
 * the structure — title, topics list, topics, parts, citations; each Markdown block is turned
 * into HTML with remark-rehype; the whole tree goes through rehype-sanitize (GitHub's schema plus
 * the preview's own `pb-*` classes and `data-*` attributes) and rehype-stringify.
 *
 * Guarantees of the returned HTML:
 * - no `<script>`, no raw HTML from the brief (remark-rehype drops it), no event-handler or
 *   `style` attributes, no `javascript:`/`data:` links (only http, https, mailto, irc, xmpp and
 *   relative URLs survive);
 * - no remote loads: every `<img>` is dropped (replaced by its alt text) unless
 *   `options.resolveImage` maps its `src` to a URL the host allows (VS Code: `asWebviewUri` of
 *   a workspace file);
 * - every block carries `data-line` (0-based source line of its first character) for scroll sync;
 * - element ids are prefixed `pb-` (topic N's section is `#pb-topic-N`).
 */
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root as MdastRoot } from 'mdast';
import type { Element, ElementContent, Properties, Root as HastRoot, RootContent as HastContent } from 'hast';
import { parseBrief } from '../model/parse';
import type { ParseCache } from '../model/parseCache';
import { parseMarkdown } from '../model/markdown';
import { LineIndex } from '../text/lineIndex';
import type { Severity } from '../findings';
import type { BriefModel, Citation, CitationField, Span, TextBlock, Topic, TopicPart } from '../model/types';
import type { IssueSchema } from '../schema/types';
import type { Catalogue } from '../catalogue/catalogue';
import { readCitationDate } from '../catalogue/citationDate';
import { isoDay } from '../catalogue/dates';

/** What the preview needs from the configuration (same shape as `CheckConfig`). */
export interface PreviewConfig {
  schema: IssueSchema;
  catalogue: Catalogue;
}

/**
 * A problem to show in place, e.g. an editor diagnostic. `start`/`end` are UTF-16 offsets into
 * the rendered text; the marker goes on the smallest rendered block that contains `start`.
 */
export interface PreviewFinding {
  start: number;
  end: number;
  severity: Severity;
  message: string;
  /** Rule id (diagnostic code), shown after the message. */
  ruleId?: string;
}

/** Options of one rendering. */
export interface PreviewOptions {
  /**
   * Maps an image `src` as written in the brief to a URL the host may load, or `undefined` to
   * drop the image. Without it every image is dropped (its alt text stays).
   */
  resolveImage?: (src: string) => string | undefined;
  /** Parse cache of the document (re-parses only changed topics while typing). */
  cache?: ParseCache;
}

/** One topic of the rendered brief, for outlines and tests. */
export interface PreviewTopic {
  /** 0-based position in the document. */
  index: number;
  /** The number written in the heading, if any. */
  number?: number;
  /** Headline as written (without the number). */
  headline: string;
  /** 0-based source line of the topic heading. */
  line: number;
  /** Element id of the topic's section in the HTML (`pb-topic-<index+1>`). */
  anchor: string;
}

/** Result of `renderBriefHtml`. */
export interface RenderedBrief {
  /** Sanitized HTML fragment: one `<article class="pb-brief">`. */
  html: string;
  topics: PreviewTopic[];
  /** The brief's `#` title, as written. */
  title?: string;
}

/** Prefix the sanitizer puts before every `id` (and that in-page links must use). */
export const PREVIEW_ID_PREFIX = 'pb-';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Elements that get a `data-line` for scroll sync. */
const LINE_TAGS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'tr', 'hr', 'section', 'header', 'aside', 'div', 'nav']);
/** Elements that can carry a finding marker (a marker is a `<span>` put first inside them). */
const MARKER_TAGS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'td', 'th', 'section', 'header', 'aside', 'div', 'nav']);

/** GitHub's schema, plus the preview's structure elements, `pb-*` classes and `data-*` attributes. */
function sanitizeSchema(): SanitizeSchema {
  const pbClass = /^pb-/;
  const attributes: NonNullable<SanitizeSchema['attributes']> = {};
  for (const [tag, definitions] of Object.entries(defaultSchema.attributes ?? {})) {
    attributes[tag] = definitions.map((d) => (Array.isArray(d) && d[0] === 'className' ? [...d, pbClass] : d)) as typeof definitions;
  }
  attributes['*'] = [...(attributes['*'] ?? []), ['className', pbClass], 'dataLine', 'dataPart', 'dataSeverity', 'dataTopic', 'role', 'ariaLabel'];
  return {
    ...defaultSchema,
    tagNames: [...(defaultSchema.tagNames ?? []), 'article', 'aside', 'header', 'nav', 'time', 'abbr'],
    attributes,
    clobberPrefix: PREVIEW_ID_PREFIX,
  };
}

type MdastToHast = (tree: MdastRoot) => HastRoot;
let toHastProcessor: MdastToHast | undefined;
let outputProcessor: ((tree: HastRoot) => string) | undefined;

/** mdast → hast with remark-rehype (raw HTML dropped; footnote ids left for the sanitizer to prefix). */
function toHast(tree: MdastRoot): HastRoot {
  if (!toHastProcessor) {
    const processor = unified().use(remarkRehype, { clobberPrefix: '' });
    toHastProcessor = (t) => processor.runSync(t as never) as unknown as HastRoot;
  }
  return toHastProcessor(tree);
}

/** hast → sanitized HTML string. */
function toSafeHtml(tree: HastRoot): string {
  if (!outputProcessor) {
    const processor = unified().use(rehypeSanitize, sanitizeSchema()).use(rehypeStringify);
    outputProcessor = (t) => processor.stringify(processor.runSync(t as never) as never) as string;
  }
  return outputProcessor(tree);
}

/** A hast element. */
function h(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

/** A hast text node. */
function t(value: string): ElementContent {
  return { type: 'text', value };
}

/** Plain text of hast content. */
function hastText(nodes: readonly HastContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element') out += hastText(node.children);
  }
  return out;
}

function addClass(element: Element, ...names: string[]): void {
  const current: unknown = element.properties.className;
  const list = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? current.split(/\s+/) : [];
  element.properties.className = [...list, ...names];
}

/**
 * Renders a brief as a newsletter-style HTML fragment (see the module doc for the guarantees).
 * Never throws for any text.
 * @param text the whole document as in the editor (BOM, CRLF kept)
 * @param config the issue schema (labels, structure) and the catalogue (issuing-body names)
 * @param findings problems to mark in place (offsets into `text`)
 */
export function renderBriefHtml(text: string, config: PreviewConfig, findings: readonly PreviewFinding[] = [], options: PreviewOptions = {}): RenderedBrief {
  const renderer = new Renderer(text, config, options);
  return renderer.render(findings);
}

/** Builds the hast tree of one rendering; spans of rendered elements are kept for data-line and markers. */
class Renderer {
  private readonly lineIndex: LineIndex;
  private readonly model: BriefModel;
  /** Source span (absolute UTF-16 offsets) of each rendered element. */
  private readonly spans = new Map<Element, { start: number; end: number }>();
  /** Elements of the current section's hast by `start:end` source key. */
  private byKey = new Map<string, Element>();

  constructor(private readonly text: string, private readonly config: PreviewConfig, private readonly options: PreviewOptions) {
    this.lineIndex = new LineIndex(text);
    this.model = parseBrief(text, config.schema, options.cache);
  }

  render(findings: readonly PreviewFinding[]): RenderedBrief {
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
    this.resolveImages(article);
    this.addLines();
    this.addMarkers(article, findings);
    const html = toSafeHtml({ type: 'root', children: [article] });
    return { html, topics, title: this.model.title?.text.text };
  }

  /**
   * Records the absolute span of every positioned element under `nodes` (positions are relative
   * to `base`); with `index`, also makes them findable by `start:end`.
   */
  private register(nodes: readonly HastContent[], base: number, index = false): void {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) {
        const span = { start: base + start, end: base + end };
        this.spans.set(node, span);
        if (index) this.byKey.set(`${span.start}:${span.end}`, node);
      }
      this.register(node.children, base, index);
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

  // ---------------------------------------------------------------- intro

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
      const label = original ? hastText(original.children).trim() : entry.headline.text;
      const content: ElementContent = topic ? h('a', { href: `#${PREVIEW_ID_PREFIX}${topicId(topic)}`, className: ['pb-topic-link'] }, [t(label)]) : t(label);
      return this.track(h('li', {}, [content]), entry);
    });
    const ol = h('ol', { className: ['pb-topics-list'] }, items);
    return this.track(h('nav', { className: ['pb-topics'], ariaLabel: 'Topics' }, [ol]), list);
  }

  // ---------------------------------------------------------------- topics

  private renderTopic(topic: Topic): Element {
    const headingElement = this.byKey.get(`${topic.heading.start}:${topic.heading.end}`);
    const headline: ElementContent[] = headingElement ? stripNumber(headingElement.children) : [t(topic.headline.text)];
    const headerChildren: ElementContent[] = [];
    if (topic.number !== undefined) headerChildren.push(h('span', { className: ['pb-topic-number'] }, [t(String(topic.number))]));
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
    const children: ElementContent[] = [h('h3', { className: ['pb-part-label'] }, [t(schema?.label ?? part.label.name.text)])];
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

  // ---------------------------------------------------------------- citations

  private renderCitation(citation: Citation): Element {
    const children: ElementContent[] = [];
    for (const field of citation.fields) {
      if (field === citation.fields.find((f) => f.fieldId === 'article') && citation.article) children.push(this.renderArticle(citation.article));
      else if (field === citation.fields.find((f) => f.fieldId === 'issuing-bodies') && citation.issuingBodies) children.push(this.renderBodies(citation.issuingBodies));
      else if (field === citation.fields.find((f) => f.fieldId === 'date') && citation.date) children.push(this.renderDate(citation.date));
      else children.push(this.renderOtherField(field));
    }
    return this.track(h('div', { className: ['pb-citation'] }, children), citation);
  }

  private fieldLabel(field: CitationField): Element {
    const schema = this.config.schema.topic.citation.fields.find((f) => f.id === field.fieldId);
    return h('span', { className: ['pb-field-label'] }, [t(schema?.label ?? field.label.name.text)]);
  }

  private renderArticle(field: NonNullable<Citation['article']>): Element {
    const { englishTitle, chineseTitle, link } = field.parsed;
    const english = englishTitle?.text ?? (chineseTitle ? '' : field.value.text);
    const children: ElementContent[] = [];
    if (english) {
      const titleContent: ElementContent[] = [t(english)];
      const content = link?.url ? [h('a', { href: link.url, className: ['pb-citation-link'] }, titleContent)] : titleContent;
      children.push(this.track(h('p', { className: ['pb-citation-title-en'], lang: 'en' }, content), englishTitle ?? field.value));
    }
    if (chineseTitle) children.push(this.track(h('p', { className: ['pb-citation-title-zh'], lang: 'zh-CN' }, [t(chineseTitle.text)]), chineseTitle));
    if (!english && link?.url) children.push(h('p', { className: ['pb-citation-title-en'] }, [h('a', { href: link.url, className: ['pb-citation-link'] }, [t(link.url)])]));
    return this.track(h('div', { className: ['pb-citation-field', 'pb-citation-article'] }, children), field.line);
  }

  private renderBodies(field: NonNullable<Citation['issuingBodies']>): Element {
    const items = field.bodies.map((body) => this.track(h('li', {}, [this.renderBody(body)]), body));
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
      return h('span', { className: ['pb-body', 'pb-body-ambiguous'], title: names.join('\n') }, [t(written)]);
    }
    const found = catalogue.lookupBody(written)?.body;
    if (!found) return h('span', { className: ['pb-body', 'pb-body-unknown'], title: written }, [t(written)]);
    const children: ElementContent[] = [h('span', { className: ['pb-body-name'], lang: 'en' }, [t(found.name_en)])];
    if (written !== found.name_en) children.push(t(' '), h('span', { className: ['pb-body-abbr'] }, [t(`(${written})`)]));
    return h('span', { className: ['pb-body'], title: found.name_zh_full ?? found.name_zh, lang: 'en' }, children);
  }

  private renderDate(field: CitationField): Element {
    const read = readCitationDate(field.value.text, this.config.schema.topic.citation.dateFormat);
    const value: ElementContent = read.kind === 'valid' || read.kind === 'other-format'
      ? h('time', { dateTime: isoDay(read.day) }, [t(field.value.text)])
      : t(field.value.text);
    return this.track(h('div', { className: ['pb-citation-field', 'pb-citation-date'] }, [this.fieldLabel(field), t(' '), value]), field.line);
  }

  private renderOtherField(field: CitationField): Element {
    return this.track(h('div', { className: ['pb-citation-field'] }, [this.fieldLabel(field), t(' '), t(field.value.text)]), field.line);
  }

  // ---------------------------------------------------------------- post-processing

  /** Maps or drops images so the page never loads anything remote. */
  private resolveImages(root: Element): void {
    const visit = (parent: Element) => {
      parent.children = parent.children.map((child) => {
        if (child.type !== 'element') return child;
        if (child.tagName === 'img') {
          const src = typeof child.properties.src === 'string' ? child.properties.src : '';
          const resolved = src && this.options.resolveImage ? this.options.resolveImage(src) : undefined;
          if (resolved) return { ...child, properties: { ...child.properties, src: resolved } };
          const alt = typeof child.properties.alt === 'string' ? child.properties.alt : '';
          return h('span', { className: ['pb-image-dropped'], title: src }, alt ? [t(alt)] : []);
        }
        visit(child);
        return child;
      });
    };
    visit(root);
  }

  /** `data-line` on every block with a known source span. */
  private addLines(): void {
    for (const [element, span] of this.spans) {
      if (LINE_TAGS.has(element.tagName) && element.properties.dataLine === undefined) {
        element.properties.dataLine = this.lineIndex.positionAt(span.start).line;
      }
    }
  }

  /** Puts each finding on the smallest rendered block that contains its start; the rest go in a list at the top. */
  private addMarkers(article: Element, findings: readonly PreviewFinding[]): void {
    if (!findings.length) return;
    const candidates = [...this.spans].filter(([element]) => MARKER_TAGS.has(element.tagName));
    const byElement = new Map<Element, PreviewFinding[]>();
    const outside: PreviewFinding[] = [];
    for (const finding of findings) {
      let best: Element | undefined;
      let bestLength = Infinity;
      for (const [element, span] of candidates) {
        if (span.start <= finding.start && finding.start <= span.end && span.end - span.start < bestLength) {
          best = element;
          bestLength = span.end - span.start;
        }
      }
      if (best && best !== article) byElement.set(best, [...(byElement.get(best) ?? []), finding]);
      else outside.push(finding);
    }
    for (const [element, list] of byElement) {
      const worst = worstSeverity(list);
      addClass(element, 'pb-has-finding', `pb-has-${worst}`);
      element.children.unshift(marker(list, worst));
    }
    if (outside.length) {
      const items = outside.map((f) => h('li', { dataLine: this.lineIndex.positionAt(f.start).line }, [marker([f], f.severity), t(` ${describe(f)}`)]));
      article.children.unshift(h('div', { className: ['pb-findings-outside'], role: 'note' }, [h('ul', {}, items)]));
    }
  }
}

function worstSeverity(findings: readonly PreviewFinding[]): Severity {
  return findings.reduce<Severity>((worst, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst] ? f.severity : worst), 'hint');
}

function describe(finding: PreviewFinding): string {
  return finding.ruleId ? `${finding.message} (${finding.ruleId})` : finding.message;
}

/** The marker badge: a symbol by severity, the messages as tooltip. */
function marker(findings: readonly PreviewFinding[], severity: Severity): Element {
  const symbol = severity === 'error' ? '✖' : severity === 'warning' ? '▲' : 'ℹ';
  const messages = findings.map(describe).join('\n');
  return h('span', { className: ['pb-marker', `pb-marker-${severity}`], dataSeverity: severity, title: messages, role: 'img', ariaLabel: messages }, [t(symbol)]);
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
