/**
 * The one Markdown parser of the project: unified + remark-parse with GFM and YAML front matter.
 * Used by the brief model and (with remark-rehype) by the preview, so both see the same tree.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

let processor: Processor<Root> | undefined;

/** The shared remark processor (parse only). */
export function markdownProcessor(): Processor<Root> {
  processor ??= unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']) as unknown as Processor<Root>;
  return processor;
}

/**
 * Parses Markdown to mdast. Node positions are relative to `markdown` (UTF-16 offsets).
 * Never throws for any string input.
 */
export function parseMarkdown(markdown: string): Root {
  return markdownProcessor().parse(markdown);
}
