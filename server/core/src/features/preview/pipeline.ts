/**
 * The preview's unified pipeline: mdast → hast with remark-rehype (raw HTML dropped), and hast →
 * HTML through rehype-sanitize (GitHub's schema plus the preview's structure elements, `pb-*`
 * classes and `data-*` attributes; ids prefixed `pb-`) and rehype-stringify.
 */
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root as MdastRoot } from 'mdast';
import type { Root as HastRoot } from 'hast';

/** Prefix the sanitizer puts before every `id` (and that in-page links must use). */
export const PREVIEW_ID_PREFIX = 'pb-';

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
export function toHast(tree: MdastRoot): HastRoot {
  if (!toHastProcessor) {
    const processor = unified().use(remarkRehype, { clobberPrefix: '' });
    toHastProcessor = (t) => processor.runSync(t as never) as unknown as HastRoot;
  }
  return toHastProcessor(tree);
}

/** hast → sanitized HTML string. */
export function toSafeHtml(tree: HastRoot): string {
  if (!outputProcessor) {
    const processor = unified().use(rehypeSanitize, sanitizeSchema()).use(rehypeStringify);
    outputProcessor = (t) => processor.stringify(processor.runSync(t as never) as never) as string;
  }
  return outputProcessor(tree);
}
