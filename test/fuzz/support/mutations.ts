/**
 * Random mutations of valid briefs for the property/fuzz tests.
 *
 * A `Mutation` is plain data (printable, shrinkable by fast-check); `applyMutation` turns it into
 * a new text. Positions are given as natural numbers and reduced modulo the current size at
 * application time, so every mutation applies to every text and shrinks towards position 0.
 * All positions and lengths are UTF-16 code units; mutations may on purpose split surrogate
 * pairs and CRLF pairs (that is part of what is fuzzed).
 */
import * as path from 'node:path';
import fc from 'fast-check';
import { splitSections } from '../../../server/core/src/model/sections';
import { lineEndingVariants, read, repoRoot } from '../../support/config';

/** Topic heading level of the bundled default schema (`## N. …`). */
export const TOPIC_HEADING_LEVEL = 2;

/** One edit of a document. Indices are reduced modulo the number of lines/topics/code units. */
export type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'delete-topic'; at: number }
  | { kind: 'duplicate-topic'; at: number }
  | { kind: 'swap-topics'; a: number; b: number }
  | { kind: 'keep-topics'; from: number; count: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert-line'; at: number; text: string }
  | { kind: 'truncate'; at: number };

/** The seed documents: each valid example in LF, CRLF, BOM+LF and BOM+CRLF form. */
export function seedDocuments(): { name: string; text: string }[] {
  const seeds: { name: string; text: string }[] = [];
  for (const file of ['china-industries-2023-04.md', 'two-documents.md']) {
    const text = read(path.join(repoRoot, 'examples', file));
    for (const variant of lineEndingVariants(text)) seeds.push({ name: `${file} (${variant.name})`, text: variant.text });
  }
  return seeds;
}

/** Single characters that tools get wrong: line breaks, BOM, NUL, zero-width, bidi, surrogates, CJK punctuation. */
const NASTY_CHARS = [
  '\r', '\n', '\r\n', '\uFEFF', '\0', '\t', '\v', '\f', '\u0085', '\u2028', '\u2029',
  '\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\u034F',
  '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C',
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\uDE00',
  '😀', '🇨🇳', '👨‍👩‍👧', '𠀀', '𝑥', '🚀', 'e\u0301', '\u0301',
  '中', '國', '門', '发', '〇', '（', '）', '《', '》', '、', '，', '：', '；', '“', '”', '。', '\u3000', '\u00A0', '\uFF08', '\uFFFD', '\uFFFF',
  '"', "'", '(', ')', ',', ';', ':', '&', '\\', '<', '>', '|', '#', '*', '_', '`', '~', '[', ']', '!', '-', '+', '=', '.', ' ',
];

/** Markdown fragments that break or open structure: unclosed emphasis, links, fences, HTML, headings, lists. */
const MARKDOWN_BREAKERS = [
  '**', '*', '_', '__', '***', '~~', '[', '](', '[a](b', '[Link](', '![', '![a](', '<', '<div>', '</div>', '<!--', '-->', '<!-- x -->',
  '`', '``', '```', '```\n', '~~~', '~~~\n', '    ', '\n    code\n', '# ', '## ', '## 3. ', '### ', '\n## 9. Extra topic\n', '#', '######## ',
  '---', '\n---\n', '***\n', '- ', '* ', '1. ', '1) ', '> ', '>> ', '| a | b |\n|---|---|\n', '\\', '&amp;', '&#0;', '&#x110000;', '[^1]',
  '[^1]: note\n', '<https://', 'https://example.org', '<script>', '<?php', '<![CDATA[', '$$', '\n\n', '\n===\n', '\n---', '[x]: <',
];

/** Brief vocabulary: labels, bodies, dates, links, title pieces, so mutations reach the rules' branches. */
const BRIEF_WORDS = [
  'Article: ', 'Issuing bodies: ', 'Date: ', '**At a glance:**', '**MERICS comment:**', 'At a glance：', '**Article:**', '_Date_:', 'Source: ',
  'MIIT', 'MITT', 'NDRC', 'CBIRC', 'MEP', 'MOC', 'SPC', 'Ministry of Industry and Information Technology', 'miit', ', ', '、', ' and ', ' & ', '; ',
  'April 14, 2023', 'April 31, 2023', '2023-04-14', '14 April 2023', 'Sept. 3, 2019', 'May 2023', '(Link)', '([Link](https://example.org))', '[链接]',
  '征求意见稿', '（征求意见稿）', '(Draft for Comment)', '（试行）', '办法', '指导意见', '规定', 'Guiding Opinions', 'Measures', 'Notice',
  '《数据安全法》', '(个人信息)', '（中文', '中文）', '“机器人+”', '"Robot+"', '1. ', '2. ', '0. ', '9999. ', '## 1. ', '## 2) ',
];

const hanString = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 12 });
const anyUtf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 });

/** A piece of inserted text: nasty characters, Markdown breakers, brief words, Han, any code points, any UTF-16 units. */
export const insertedText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...NASTY_CHARS) },
      { weight: 4, arbitrary: fc.constantFrom(...MARKDOWN_BREAKERS) },
      { weight: 4, arbitrary: fc.constantFrom(...BRIEF_WORDS) },
      { weight: 2, arbitrary: hanString },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
      { weight: 1, arbitrary: anyUtf16 },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 10 }) },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((pieces) => pieces.join(''));

// Unbiased so that positions spread over the whole document (biased naturals cluster near 0).
const index = fc.noBias(fc.nat({ max: 1_000_000 }));

/** One random mutation. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete-line' as const), at: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate-line' as const), at: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), a: index, b: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-topic' as const), at: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-topic' as const), at: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap-topics' as const), a: index, b: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('keep-topics' as const), from: index, count: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: index, text: insertedText }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert-line' as const), at: index, text: insertedText }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: index, length: fc.integer({ min: 1, max: 8 }), text: insertedText }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: index, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: index }) },
);

/** A seed document index and 1–6 mutations applied in order. */
export const mutatedDocument = fc.record({
  seed: fc.nat({ max: 7 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
});

/** Lines of `text` with their line breaks kept (the last may have none). */
function splitLinesKeepingBreaks(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** Applies one mutation; never throws. */
export function applyMutation(text: string, m: Mutation): string {
  const at = (n: number, size: number) => (size <= 0 ? 0 : n % size);
  switch (m.kind) {
    case 'delete-line':
    case 'duplicate-line':
    case 'swap-lines': {
      const lines = splitLinesKeepingBreaks(text);
      if (!lines.length) return text;
      if (m.kind === 'delete-line') lines.splice(at(m.at, lines.length), 1);
      else if (m.kind === 'duplicate-line') {
        const i = at(m.at, lines.length);
        lines.splice(i, 0, lines[i]);
      } else {
        const a = at(m.a, lines.length);
        const b = at(m.b, lines.length);
        [lines[a], lines[b]] = [lines[b], lines[a]];
      }
      return lines.join('');
    }
    case 'delete-topic':
    case 'duplicate-topic':
    case 'swap-topics':
    case 'keep-topics': {
      const sections = splitSections(text, TOPIC_HEADING_LEVEL);
      const intro = text.slice(0, sections[0].end);
      const topics = sections.slice(1).map((s) => text.slice(s.start, s.end));
      if (!topics.length) return text;
      // Each topic text should end with a line break so that moving it keeps headings on their own line.
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      const ended = topics.map((t) => (/[\r\n]$/.test(t) ? t : t + eol));
      let result: string[];
      if (m.kind === 'delete-topic') result = ended.filter((_, i) => i !== at(m.at, ended.length));
      else if (m.kind === 'duplicate-topic') {
        const i = at(m.at, ended.length);
        result = [...ended.slice(0, i + 1), ...ended.slice(i)];
      } else if (m.kind === 'swap-topics') {
        result = [...ended];
        const a = at(m.a, ended.length);
        const b = at(m.b, ended.length);
        [result[a], result[b]] = [result[b], result[a]];
      } else {
        const from = at(m.from, ended.length);
        result = ended.slice(from, from + m.count);
      }
      return intro + result.join('');
    }
    case 'insert': {
      const i = at(m.at, text.length + 1);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'insert-line': {
      const lines = splitLinesKeepingBreaks(text);
      const i = at(m.at, lines.length + 1);
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      lines.splice(i, 0, m.text + eol);
      return lines.join('');
    }
    case 'replace': {
      const i = at(m.at, text.length + 1);
      return text.slice(0, i) + m.text + text.slice(i + m.length);
    }
    case 'delete': {
      const i = at(m.at, text.length + 1);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'truncate':
      return text.slice(0, at(m.at, text.length + 1));
  }
}

/** Applies mutations in order. */
export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(applyMutation, text);
}
