/**
 * The one Markdown parser of the project: unified + remark-parse with GFM and YAML front matter.
 * Used by the brief model and (with remark-rehype) by the preview, so both see the same tree.
 *
 * GFM more than doubles the cost of a parse (its autolink-literal construct is tried at the start
 * of every word, its table construct on every paragraph line), yet most sections of a brief use no
 * GFM construct. `parseMarkdown` therefore parses without GFM when the text cannot hold one (see
 * `GFM_BLOCK_OR_MARK` and `holdsAutolinkLiteral`), and parses again with GFM when the tree shows it could; the tree is the same
 * either way (test/unit/markdownGfm.test.ts compares the two on every fixture and on mutated briefs).
 *
 * Hard inputs are bounded before remark sees them (`limitNesting`, `limitEmphasis`), and a parse that still fails
 * (a stack overflow on some input nobody foresaw) gives the skeleton of the text instead of an
 * exception. Either way the root says so in `root.data.limits`.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent } from 'mdast';
import { limitEmphasis, limitNesting, MAX_EMPHASIS_RUNS, MAX_NESTING } from './inputBounds';
import { shiftPositions } from './shift';

/** Why part of a text was not parsed as written. */
export interface MarkdownLimit {
  /** `[start, end)` in UTF-16 code units of the parsed text. */
  start: number;
  end: number;
  /**
   * 'nesting': container markers beyond `MAX_NESTING` levels were read as text;
   * 'emphasis': the `*` and `_` of a paragraph with more than `MAX_EMPHASIS_RUNS` runs were read as text;
   * 'failed': the parser failed and only headings and front matter were read.
   */
  reason: 'nesting' | 'emphasis' | 'failed';
  /** What happened, in one sentence (the parser's error message for 'failed'). */
  detail: string;
}

declare module 'mdast' {
  interface RootData {
    /** Where `parseMarkdown` did not parse the text as written (absent when it did). */
    limits?: MarkdownLimit[];
  }
}

let processor: Processor<Root> | undefined;
let commonmarkProcessor: Processor<Root> | undefined;

/** The shared remark processor (parse only): CommonMark, GFM and YAML front matter. */
export function markdownProcessor(): Processor<Root> {
  processor ??= unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']) as unknown as Processor<Root>;
  return processor;
}

/** The same without GFM: what `parseMarkdown` uses for text that holds no GFM construct. */
function commonmarkOnly(): Processor<Root> {
  commonmarkProcessor ??= unified().use(remarkParse).use(remarkFrontmatter, ['yaml']) as unknown as Processor<Root>;
  return commonmarkProcessor;
}

/**
 * Characters without which GFM's table, strikethrough, footnote and task-list constructs cannot
 * match: a table needs a `|` or a delimiter cell with a colon (`:-`, `-:`); strikethrough `~`;
 * a footnote `[^`; a task-list item `[ ]`, `[x]` or `[X]` (any whitespace inside).
 */
const GFM_BLOCK_OR_MARK = /[|~]|:-|-:|\[\^|\[[\sxX]\]/;

/**
 * What GFM autolink literals (and their mdast transform) start with: `http://`, `https://`,
 * `www.`, or the `@` of an e-mail address (also `mailto:` and `xmpp:` ones). Case-insensitive.
 */
const AUTOLINK_LITERAL = /https?:\/\/|www\.|@/i;

/**
 * Whether a tree parsed without GFM holds the start of an autolink literal in its text content
 * (text nodes, images' alt). A literal can only form there, so without one GFM would give the
 * same tree; a link destination `(https://…)` is not text content, so a citation's
 * `[Link](https://…)` needs no GFM. The tree, not the source, is searched: GFM's mdast transform
 * finds literals in decoded text (`www\.a.b` and `a&#64;b.c` are literals too).
 */
function holdsAutolinkLiteral(root: Root): boolean {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop() as { type: string; value?: string; alt?: string | null; children?: unknown[] };
    if (node.type === 'text' && AUTOLINK_LITERAL.test(node.value!)) return true;
    if (node.alt && AUTOLINK_LITERAL.test(node.alt)) return true;
    if (node.children) for (const child of node.children) stack.push(child);
  }
  return false;
}

/** `text` parsed as `markdownProcessor()` parses it; without GFM when that gives the same tree. */
function parseGfmTree(text: string): Root {
  if (GFM_BLOCK_OR_MARK.test(text)) return markdownProcessor().parse(text);
  const commonmark = commonmarkOnly().parse(text);
  return holdsAutolinkLiteral(commonmark) ? markdownProcessor().parse(text) : commonmark;
}

/**
 * Parses Markdown to mdast. Node positions are relative to `markdown` (UTF-16 offsets).
 * Never throws for any string input: see `root.data.limits` for what was not parsed as written.
 */
export function parseMarkdown(markdown: string): Root {
  const nesting = limitNesting(markdown);
  const { text, cuts } = limitEmphasis(nesting.text);
  const limits: MarkdownLimit[] = nesting.cuts.map(({ start, end, depth }) => ({
    start, end, reason: 'nesting', detail: `nests ${depth} levels of block quotes or lists; beyond ${MAX_NESTING} the markers are read as text`,
  }));
  for (const { start, end, runs } of cuts) {
    limits.push({ start, end, reason: 'emphasis', detail: `has ${runs.toLocaleString('en')} runs of * or _; beyond ${MAX_EMPHASIS_RUNS.toLocaleString('en')} in one paragraph they are read as text (matching them would take seconds)` });
  }
  limits.sort((a, b) => a.start - b.start);
  let root: Root;
  try {
    root = parseGfmTree(text);
  } catch (error) {
    root = parseSkeleton(text);
    limits.push({ start: 0, end: markdown.length, reason: 'failed', detail: (error as Error)?.message ?? String(error) });
  }
  if (limits.length) root.data = { ...root.data, limits };
  return root;
}

/**
 * The front matter and ATX headings of `text`, each parsed alone (positions relative to `text`):
 * what is read of a text whose parse failed. Never throws.
 */
export function parseSkeleton(text: string): Root {
  const children: RootContent[] = [];
  const lines = text.split(/(?<=\r\n|\n|\r)/);
  let offset = 0;
  lines.forEach((line, index) => {
    const piece = index === 0 && /^---\r?\n/.test(text) ? frontMatterBlock(text) : undefined;
    const source = piece ?? (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(line) ? line : undefined);
    if (source !== undefined && (!children.length || piece || offset >= endOf(children[children.length - 1]))) {
      try {
        children.push(...shiftPositions(markdownProcessor().parse(source).children, offset, index));
      } catch {
        // Not even this line parses: leave it out.
      }
    }
    offset += line.length;
  });
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: 1 + (lines[lines.length - 1]?.length ?? 0), offset: text.length } } };
}

function frontMatterBlock(text: string): string | undefined {
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(3));
  return close ? text.slice(0, 3 + close.index + close[0].length) : undefined;
}

function endOf(node: RootContent): number {
  return node.position?.end.offset ?? 0;
}
