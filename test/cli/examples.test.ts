/**
 * The README's main job, `policy-brief check examples/`, as a user runs it: every example brief
 * reports exactly its `<!-- expect: … -->` markers, archive findings included (the CLI compares
 * the briefs under each team folder), each brief checked with the configuration discovered for it —
 * the example publications (`examples/publications/<name>/`) with their team schema, which extends
 * the bundled schema `<name>`.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Finding } from '../../server/core/src/index';
import { actualFindings, expectedFindings, read, repoRoot } from '../support/config';
import { runCli } from './support';

/** One file of the JSON report (its findings carry LSP ranges, as the core's do). */
interface JsonResult {
  path: string;
  error?: string;
  findings: Finding[];
}

describe('policy-brief check examples/', function () {
  this.timeout(120_000);

  it('reports exactly the marked findings of every example brief, archive findings included, and exits 1', () => {
    const result = runCli(['check', '--format', 'json', 'examples']);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, '', 'no configuration problems');
    const results = JSON.parse(result.stdout) as JsonResult[];
    const publications = results.filter((r) => r.path.startsWith(`examples${path.sep}publications${path.sep}`));
    assert.ok(publications.length >= 2, 'the example publications are checked');
    const wrong: string[] = [];
    for (const r of results) {
      assert.equal(r.error, undefined, `${r.path}: ${r.error}`);
      const actual = actualFindings(r.findings);
      const expected = expectedFindings(read(path.join(repoRoot, r.path)));
      if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push(`${r.path}: got ${JSON.stringify(actual)}, marked ${JSON.stringify(expected)}`);
    }
    assert.deepEqual(wrong, []);
  });
});
