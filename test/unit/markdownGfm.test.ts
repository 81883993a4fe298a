/**
 * `parseMarkdown` parses without GFM when the text holds no GFM construct (GFM more than doubles
 * the cost of a parse). The tree must be the one the GFM processor gives, on every fixture brief,
 * on each of their sections (what the brief model parses), and on random Markdown made of the
 * pieces that start or resemble GFM constructs (autolink literals in text, in link destinations,
 * in code and HTML; tables with and without pipes; strikethrough; footnotes; task lists).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { briefSections, markdownProcessor, parseMarkdown } from '../../server/core/src/index';
import { read, repoRoot } from '../support/config';
import { applyMutations, mutatedDocument, seedDocuments, TOPIC_HEADING_LEVEL } from '../fuzz/support/mutations';

/** Asserts that `parseMarkdown(text)` equals the GFM processor's tree (texts within the input bounds only). */
function assertSameTree(text: string, what: string): void {
  const ours = parseMarkdown(text);
  if (ours.data?.limits) return;
  assert.deepStrictEqual(ours, markdownProcessor().parse(text) as Root, `${what}: ${JSON.stringify(text.slice(0, 300))}`);
}

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const PIECES = [
  'https://example.org', 'http://a.b/c_d_', 'HTTPS://X.ORG', 'www.example.com', 'WWW.A.B', 'www.', 'a@b.com', 'x.y+z@mail.example.org', 'mailto:a@b.co',
  'xmpp:a@b.c/d', '@', '[Link](https://example.org)', '([Link](https://gov.cn/a_b.html))', '[a](www.x.com)', '<https://a.b>', '<a@b.c>',
  '`https://a.b`', '<span title="www.a.b">', '![www.a.b](x.png)', '![alt](https://a.b)', '[www.a.b]: https://c.d', '[x][www.a.b]', '\\www.a.b',
  'www\\.a.b', 'https:\\//a', 'a&#64;b.com', 'www&#46;a.b', '*https://a.b*', '_www.a.b_', '**x@y.z**', '|', '| a | b |', '|---|---|', ':-', '-:',
  '---', '- ', '* ', '1. ', '> ', '[ ] ', '[x] ', '[X] ', '[\t] ', '~', '~~', '~~x~~', '[^1]', '[^1]: note', '^', '[', ']', '(', ')', '*', '_', '`',
  '\\', '<', '>', '&', ':', 'text', 'At a glance:', 'Article: A Measures (办法) ', '中文', ' ', '  ', '\n', '\n\n', '\r\n', '    ', '# ', '## 2. ',
];
const markdown = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('parseMarkdown without GFM when the text holds no GFM construct', () => {
  it('gives the GFM tree for every fixture and example brief, whole and section by section', () => {
    const files = [...markdownFiles(path.join(repoRoot, 'test')), ...markdownFiles(path.join(repoRoot, 'examples'))];
    assert.ok(files.length > 100, `only ${files.length} fixture files found`);
    for (const file of files) {
      const text = read(file);
      assertSameTree(text, file);
      for (const section of briefSections(text, TOPIC_HEADING_LEVEL)) assertSameTree(section.text, `${file} at ${section.start}`);
    }
  });

  it('gives the GFM tree for random Markdown made of GFM look-alikes (fast-check)', () => {
    fc.assert(fc.property(markdown, (text) => assertSameTree(text, 'random')), { seed: Number(process.env.FUZZ_SEED ?? 20261206), numRuns: Number(process.env.GFM_RUNS ?? 3000) });
  });

  it('gives the GFM tree for each section of mutated briefs (fast-check)', () => {
    const seeds = seedDocuments();
    fc.assert(fc.property(mutatedDocument, (c) => {
      const text = applyMutations(seeds[c.seed].text, c.mutations);
      for (const section of briefSections(text, TOPIC_HEADING_LEVEL)) assertSameTree(section.text, 'mutated');
    }), { seed: 20261206, numRuns: 300 });
  });
});
