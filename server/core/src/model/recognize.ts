/**
 * Deciding whether a Markdown document is a brief (so editors and folder checks leave other
 * Markdown alone). Topic headings are found by `splitSections`, the same split the parser uses,
 * so "is a brief" and "has topics" never disagree about fences or front matter.
 */
import { splitSections } from './sections';

/** Front-matter key that marks a Markdown file as a brief: `policy-brief: <format name>`. */
export const BRIEF_MARKER_KEY = 'policy-brief';

/**
 * True when `text` is a brief: its YAML front matter has a `policy-brief` key, or it has at
 * least one numbered topic heading (`## 1. …` at `headingLevel`) outside code fences and front
 * matter. Reads at most the first 64 KB for the front matter; linear in the text's length.
 */
export function looksLikeBrief(text: string, headingLevel = 2): boolean {
  const head = text.slice(0, 65536).replace(/^\uFEFF/, '');
  const frontMatter = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(head);
  if (frontMatter && new RegExp(`^${BRIEF_MARKER_KEY}[ \\t]*:`, 'm').test(frontMatter[1])) return true;
  const numbered = new RegExp(`^ {0,3}#{${headingLevel}}[ \\t]+\\d{1,4}[.)][ \\t]`);
  return splitSections(text, headingLevel).some((section) => section.kind === 'topic' && numbered.test(text.slice(section.start, Math.min(section.end, section.start + 200))));
}
