/**
 * Deciding whether a Markdown document is a brief (so editors and folder checks leave other
 * Markdown alone).
 */

/** Front-matter key that marks a Markdown file as a brief: `policy-brief: <format name>`. */
export const BRIEF_MARKER_KEY = 'policy-brief';

/**
 * True when `text` is a brief: its YAML front matter has a `policy-brief` key, or it has at
 * least one numbered topic heading (`## 1. …` at `headingLevel`) outside code fences.
 * Reads at most the first 64 KB for the front matter; cheap on any input.
 */
export function looksLikeBrief(text: string, headingLevel = 2): boolean {
  const head = text.slice(0, 65536).replace(/^\uFEFF/, '');
  const frontMatter = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(head);
  if (frontMatter && new RegExp(`^${BRIEF_MARKER_KEY}[ \\t]*:`, 'm').test(frontMatter[1])) return true;
  const heading = new RegExp(`^ {0,3}#{${headingLevel}}[ \\t]+\\d{1,4}[.)][ \\t]`, 'm');
  let inFence = false;
  for (const line of text.split(/\r\n|\r|\n/, 100000)) {
    if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
    else if (!inFence && heading.test(line)) return true;
  }
  return false;
}
