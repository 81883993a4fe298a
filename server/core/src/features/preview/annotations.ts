/**
 * The preview's annotations on a laid-out brief: images mapped to URLs the host allows (or
 * dropped for their alt text), `data-line` on every block for scroll sync, and each finding
 * marked on the smallest rendered block that contains its start (the rest listed at the top).
 */
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import type { Element } from 'hast';
import type { LineIndex } from '../../text/lineIndex';
import type { Severity } from '../../findings';
import type { PreviewFinding } from '../preview';
import { addClass, type SourceSpans } from './layout';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Elements that get a `data-line` for scroll sync. */
const LINE_TAGS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'tr', 'hr', 'section', 'header', 'aside', 'div', 'nav']);
/** Elements that can carry a finding marker (a marker is a `<span>` put first inside them). */
const MARKER_TAGS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'td', 'th', 'section', 'header', 'aside', 'div', 'nav']);

/**
 * Maps or drops images so the page never loads anything remote.
 * @param resolveImage maps a `src` as written to a URL the host may load, or undefined to drop it
 */
export function resolveImages(root: Element, resolveImage: ((src: string) => string | undefined) | undefined): void {
  visit(root, 'element', (element: Element, index, parent) => {
    if (element.tagName !== 'img' || !parent || index === undefined) return;
    const src = typeof element.properties.src === 'string' ? element.properties.src : '';
    const resolved = src && resolveImage ? resolveImage(src) : undefined;
    if (resolved) parent.children[index] = { ...element, properties: { ...element.properties, src: resolved } };
    else {
      const alt = typeof element.properties.alt === 'string' ? element.properties.alt : '';
      parent.children[index] = h('span', { className: ['pb-image-dropped'], title: src }, alt ? [alt] : []);
    }
    return SKIP;
  });
}

/** `data-line` (0-based source line of its first character) on every block with a known source span. */
export function addLines(spans: SourceSpans, lineIndex: LineIndex): void {
  for (const [element, span] of spans) {
    if (LINE_TAGS.has(element.tagName) && element.properties.dataLine === undefined) {
      element.properties.dataLine = lineIndex.positionAt(span.start).line;
    }
  }
}

/** Puts each finding on the smallest rendered block that contains its start; the rest go in a list at the top of `article`. */
export function addMarkers(article: Element, spans: SourceSpans, lineIndex: LineIndex, findings: readonly PreviewFinding[]): void {
  if (!findings.length) return;
  const candidates = [...spans].filter(([element]) => MARKER_TAGS.has(element.tagName));
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
    const items = outside.map((f) => h('li', { dataLine: lineIndex.positionAt(f.start).line }, [marker([f], f.severity), ` ${describe(f)}`]));
    article.children.unshift(h('div', { className: ['pb-findings-outside'], role: 'note' }, [h('ul', {}, items)]));
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
  return h('span', { className: ['pb-marker', `pb-marker-${severity}`], dataSeverity: severity, title: messages, role: 'img', ariaLabel: messages }, [symbol]);
}
