import type { Rule } from '../rule';

/** front-matter.invalid-yaml: the YAML front matter cannot be parsed. */
export const invalidFrontMatter: Rule = {
  id: 'front-matter.invalid-yaml',
  description: 'The YAML front matter parses.',
  defaultSeverity: 'error',
  tags: ['front-matter'],
  scope: 'document',
  check({ model, report }) {
    const frontMatter = model.frontMatter;
    const error = frontMatter?.error;
    if (!frontMatter || !error) return;
    // Keep the range inside the YAML; an empty range is widened by one character, but never
    // over a line break (a range must not end on the next line or split a CRLF pair).
    const { yaml } = frontMatter;
    let start = Math.min(Math.max(error.start, yaml.start), yaml.end);
    let end = Math.min(Math.max(error.end, start), yaml.end);
    const text = model.text;
    const isBreak = (i: number) => text[i] === '\n' || text[i] === '\r';
    // The YAML parser's error range may cover a line break ("\n" in LF, only the "\r" of "\r\n"
    // in CRLF): end it at the end of its first line so LF and CRLF give the same range.
    const lineBreak = text.slice(start, end).search(/[\r\n]/);
    if (lineBreak >= 0) end = start + lineBreak;
    if (end === start) {
      if (end < yaml.end && !isBreak(end)) end += /[\uD800-\uDBFF]/.test(text[end]) ? 2 : 1;
      else if (start > yaml.start && !isBreak(start - 1)) start -= /[\uDC00-\uDFFF]/.test(text[start - 1]) ? 2 : 1;
    }
    report({ start, end, message: `Front matter is not valid YAML: ${error.message}` });
  },
};
