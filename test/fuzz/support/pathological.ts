/**
 * Pathological inputs for the core: inputs that make Markdown parsers or naive scanners slow.
 * Shared by `test/fuzz/pathological.test.ts` (must complete) and the docs' timing table.
 * Sizes are in UTF-16 code units (≈ bytes for the ASCII-heavy inputs).
 */
import * as path from 'node:path';
import { read, repoRoot } from '../../support/config';

/** The example brief, LF. */
export function exampleBrief(): string {
  return read(path.join(repoRoot, 'examples', 'china-industries-2023-04.md')).replace(/\r\n?/g, '\n');
}

/** Front matter, title and topics list of a brief, followed by one topic heading and `body`. */
export function briefAround(body: string): string {
  return [
    '---', 'policy-brief: china-industries', '---', '', '# Pathological', '', '1. Topic', '', '## 1. Topic', '',
    '**At a glance:** Lead.', '', body, '', '**MERICS comment:** Comment.', '',
    'Article: Measures (管理办法) ([Link](https://example.org))', 'Issuing bodies: CAC', 'Date: April 11, 2023', '',
  ].join('\n');
}

/** A deterministic pseudo-random generator (mulberry32) for reproducible junk. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` topics cut from the example brief, renumbered 1..count, with a matching topics list. */
export function compilation(count: number): string {
  const example = exampleBrief();
  const topics = example.split(/^(?=## \d+\. )/m).slice(1).map((t) => t.replace(/\n*$/, '\n\n'));
  const headlines: string[] = [];
  const body: string[] = [];
  for (let i = 0; i < count; i++) {
    const topic = topics[i % topics.length];
    headlines.push(`${i + 1}. ${/^## \d+\. (.*)$/m.exec(topic)![1]}`);
    body.push(topic.replace(/^## \d+\./, `## ${i + 1}.`));
  }
  return ['---', 'policy-brief: china-industries', '---', '', '# Compilation', '', 'Topics:', '', ...headlines, '', body.join('')].join('\n');
}

/** The pathological inputs, built lazily (some are megabytes). */
export const PATHOLOGICAL: { name: string; build: () => string }[] = [
  { name: '10,000 unclosed ** in one paragraph', build: () => briefAround('**a '.repeat(10_000)) },
  { name: '10,000 unclosed ** on separate lines', build: () => briefAround('**a\n'.repeat(10_000)) },
  { name: '10,000 × [a](b', build: () => briefAround('[a](b'.repeat(10_000)) },
  { name: '10,000 × [a](b in an Article line', build: () => briefAround(`Article: Title (中文) ${'[a](b'.repeat(10_000)}\nDate: May 1, 2023`) },
  { name: '10,000 nested ( in an Article line', build: () => briefAround(`Article: ${'(中'.repeat(10_000)}${')'.repeat(5_000)}`) },
  { name: '100,000 blanks inside a heading, an Article and an Issuing bodies line', build: () => briefAround(`## 2. A${' '.repeat(100_000)}B\n\nArticle: (${' \t'.repeat(50_000)}link)\nIssuing bodies: MIIT${' '.repeat(100_000)}and NDRC`) },
  { name: '5 MB brief (compilation of 2,000 topics)', build: () => compilation(2_000) },
  { name: '50,000-line file (one topic, 50,000 key points)', build: () => briefAround(Array.from({ length: 50_000 }, (_, i) => `- Point ${i} 中文`).join('\n')) },
  { name: '50,000-line file (50,000 citation lines)', build: () => briefAround(Array.from({ length: 50_000 }, (_, i) => (i % 3 === 0 ? 'Article: T (中文)' : i % 3 === 1 ? 'Issuing bodies: MIIT, NDRC' : 'Date: April 1, 2023')).join('\n')) },
  { name: 'one 1 MB line of prose', build: () => briefAround('word 中文 '.repeat(1_048_576 / 8)) },
  { name: 'one 1 MB Article line', build: () => briefAround(`Article: ${'Title (中文) '.repeat(1_048_576 / 11)}`) },
  { name: 'one 1 MB Issuing bodies line', build: () => briefAround(`Issuing bodies: ${'MIIT, '.repeat(1_048_576 / 6)}`) },
  { name: '1 MB of binary junk', build: () => { const r = prng(1); let s = ''; for (let i = 0; i < 1_048_576; i++) s += String.fromCharCode(Math.floor(r() * 256)); return s; } },
  { name: '1 MB of random UTF-16 code units', build: () => { const r = prng(2); const a: string[] = []; for (let i = 0; i < 1_048_576; i++) a.push(String.fromCharCode(Math.floor(r() * 65536))); return a.join(''); } },
];
