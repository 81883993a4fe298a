import type { Rule } from '../rule';
import { MAX_EMPHASIS_RUNS, MAX_NESTING } from '../../model/inputBounds';

/**
 * structure.markdown-limit: part of the document was not parsed as written (`model.limits`):
 * container nesting beyond `MAX_NESTING` levels or a paragraph's emphasis markers beyond
 * `MAX_EMPHASIS_RUNS` runs were read as text, or a section could not be
 * parsed at all (then its topic checks were skipped). One finding per section, at its first limit.
 */
export const markdownLimit: Rule = {
  id: 'structure.markdown-limit',
  description: `Block quotes and lists nest at most ${MAX_NESTING} levels deep, a paragraph has at most ${MAX_EMPHASIS_RUNS.toLocaleString('en')} runs of * or _, and every part of the brief can be parsed.`,
  defaultSeverity: 'warning',
  tags: ['structure'],
  scope: 'document',
  check({ model, report }) {
    for (const section of model.sections) {
      const limits = (model.limits ?? []).filter((l) => l.start >= section.start && l.start < Math.max(section.end, section.start + 1));
      if (!limits.length) continue;
      const failed = limits.find((l) => l.reason === 'failed');
      if (failed) {
        const what = section.start === model.sections[0].start ? 'The start of the brief (before the first topic)' : 'This topic';
        report({ start: failed.start, end: firstLineEnd(model.text, failed.start, failed.end), message: `${what} could not be parsed (${failed.detail}): only its headings and front matter were read, and its topic checks were skipped.` });
        continue;
      }
      const first = limits[0];
      const more = limits.length > 1 ? ` (and ${limits.length - 1} more line${limits.length > 2 ? 's' : ''} in this ${section.start === model.sections[0].start ? 'part' : 'topic'})` : '';
      report({ start: first.start, end: firstLineEnd(model.text, first.start, first.end), message: `This ${first.reason === 'emphasis' ? 'paragraph' : 'line'} ${first.detail}${more}.` });
    }
  },
};

function firstLineEnd(text: string, start: number, end: number): number {
  const match = /[\r\n]/.exec(text.slice(start, Math.min(end, start + 10_000)));
  return match ? start + match.index : Math.min(end, start + 10_000);
}
