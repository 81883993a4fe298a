/**
 * Document outline of a brief: symbols (title, topics, their parts and citations), folding
 * ranges (front matter, each topic, each part, each multi-line citation) and citation links.
 */
import type { BriefModel, Span } from '../model/types';
import type { LineIndex } from '../text/lineIndex';
import type { DocumentLinkResult, FoldingRegion, OutlineSymbol } from './types';

/** The outline symbols of a brief, in document order. */
export function documentSymbols(model: BriefModel, lineIndex: LineIndex): OutlineSymbol[] {
  const symbols: OutlineSymbol[] = [];
  const range = (s: { start: number; end: number }) => lineIndex.range(s.start, s.end);
  if (model.frontMatter) symbols.push({ name: 'Front matter', kind: 'front-matter', range: range(model.frontMatter), selectionRange: range(model.frontMatter), children: [] });
  if (model.title) symbols.push({ name: model.title.text.text || '(untitled)', kind: 'title', range: range(model.title.heading), selectionRange: range(model.title.heading), children: [] });
  for (const topic of model.topics) {
    const children: OutlineSymbol[] = [];
    for (const part of topic.parts) {
      children.push({ name: part.label?.name.text ?? part.partId, detail: part.partId, kind: 'part', range: range(part), selectionRange: range(part.anchor), children: [] });
    }
    for (const citation of topic.citations) {
      const title = citation.article?.parsed.englishTitle?.text ?? citation.article?.parsed.chineseTitle?.text ?? citation.article?.value.text;
      const first = citation.fields[0];
      children.push({
        name: title || 'Citation',
        detail: [citation.article?.parsed.chineseTitle?.text, citation.date?.value.text].filter(Boolean).join(' · ') || undefined,
        kind: 'citation',
        range: range(citation),
        selectionRange: range(citation.article?.line ?? first?.line ?? citation),
        children: [],
      });
    }
    children.sort((a, b) => a.range.start.offset - b.range.start.offset);
    const name = `${topic.number !== undefined ? `${topic.number}. ` : ''}${topic.headline.text}`;
    symbols.push({ name: name || '(no headline)', kind: 'topic', range: range({ start: topic.heading.start, end: contentEnd(model.text, topic.start, topic.end) }), selectionRange: range(topic.heading), children });
  }
  return symbols;
}

/** End offset of `[start, end)` without trailing whitespace. */
function contentEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Folding regions: front matter, each topic, each part, each citation spanning several lines. */
export function foldingRanges(model: BriefModel, lineIndex: LineIndex): FoldingRegion[] {
  const regions: FoldingRegion[] = [];
  const add = (start: number, end: number) => {
    const startLine = lineIndex.positionAt(start).line;
    const endLine = lineIndex.positionAt(contentEnd(model.text, start, end)).line;
    if (endLine > startLine) regions.push({ startLine, endLine, kind: 'region' });
  };
  if (model.frontMatter) add(model.frontMatter.start, model.frontMatter.end);
  for (const topic of model.topics) {
    add(topic.heading.start, topic.end);
    for (const part of topic.parts) add(part.start, part.end);
    for (const citation of topic.citations) add(citation.start, citation.end);
  }
  return regions;
}

/** Links of citations (`[Link](url)` in `Article:` lines), ranged on the URL text. */
export function documentLinks(model: BriefModel, lineIndex: LineIndex): DocumentLinkResult[] {
  const links: DocumentLinkResult[] = [];
  for (const topic of model.topics) {
    for (const citation of topic.citations) {
      const link = citation.article?.parsed.link;
      if (!link || !/^(https?|mailto|file):/i.test(link.url)) continue;
      links.push({ range: urlRange(link.span, link.url, lineIndex), target: link.url, tooltip: 'Open the cited document' });
    }
  }
  return links;
}

function urlRange(span: Span, url: string, lineIndex: LineIndex) {
  const at = span.text.lastIndexOf(url);
  return at >= 0 ? lineIndex.range(span.start + at, span.start + at + url.length) : lineIndex.range(span.start, span.end);
}
