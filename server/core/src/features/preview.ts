/**
 * The brief preview: a brief rendered as a newsletter page, as sanitized HTML.
 *
 * Pure (no VS Code, no file system): the VS Code preview, the browser test and any other host
 * call `renderBriefHtml` and wrap the result in their own page (stylesheet, CSP, script).
 *
 * Like VS Code's Markdown preview, in three steps, each in its own module under `preview/`:
 * - `layout.ts`: the core's brief model (`parseBrief`, the same remark parser the checker uses)
 *   gives the structure — title, topics list, topics, parts, citations — laid out as a newsletter;
 * - `annotations.ts`: images, `data-line` for scroll sync, finding markers;
 * - `pipeline.ts`: remark-rehype for the Markdown blocks, then rehype-sanitize (GitHub's schema
 *   plus the preview's own `pb-*` classes and `data-*` attributes) and rehype-stringify.
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
import type { Severity } from '../findings';
import type { IssueSchema } from '../schema/types';
import type { Catalogue } from '../catalogue/catalogue';
import type { ParseCache } from '../model/parseCache';
import { BriefLayout } from './preview/layout';
import { addLines, addMarkers, resolveImages } from './preview/annotations';
import { toSafeHtml } from './preview/pipeline';

export { PREVIEW_ID_PREFIX } from './preview/pipeline';

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

/**
 * Renders a brief as a newsletter-style HTML fragment (see the module doc for the guarantees).
 * Never throws for any text.
 * @param text the whole document as in the editor (BOM, CRLF kept)
 * @param config the issue schema (labels, structure) and the catalogue (issuing-body names)
 * @param findings problems to mark in place (offsets into `text`)
 */
export function renderBriefHtml(text: string, config: PreviewConfig, findings: readonly PreviewFinding[] = [], options: PreviewOptions = {}): RenderedBrief {
  const layout = new BriefLayout(text, config, options);
  const { article, topics, title } = layout.layout();
  resolveImages(article, options.resolveImage);
  addLines(layout.spans, layout.lineIndex);
  addMarkers(article, layout.spans, layout.lineIndex, findings);
  return { html: toSafeHtml({ type: 'root', children: [article] }), topics, title };
}
