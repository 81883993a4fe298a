/**
 * A team's schema patterns in `policy-brief check`, run as users run it (`node bin/policy-brief.js`):
 * a pattern that would backtrack catastrophically on JavaScript's RegExp does not hang the run
 * (patterns run on a linear-time engine), and a schema warning (a capture nothing reads) is
 * reported under a truthful header without changing the exit code.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support/config';

const bin = path.join(repoRoot, 'bin', 'policy-brief.js');
const example = path.join(repoRoot, 'examples', 'publications', 'policy-tracker', 'policy-tracker-2022-12.md');

/** A 100-character prose line that ends in `!`: `^(\w+\s?)+ \| …` backtracks exponentially on it. */
export const PROSE_LINE = `${'word '.repeat(19)}word!`;

/** A team folder whose schema extends policy-tracker with `lines` (added to its three: each has an id), and the example issue with `PROSE_LINE` in its first summary. */
function team(lines: string[]): { dir: string; brief: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-patterns-'));
  fs.mkdirSync(path.join(dir, '.git'));
  fs.mkdirSync(path.join(dir, '.policy-brief'));
  fs.writeFileSync(path.join(dir, '.policy-brief', 'issue-schema.yaml'), ['schemaVersion: 1', 'extends: policy-tracker', 'topic:', '  citation:', '    lines:', ...lines.flatMap((l, i) => [`      - id: team-${i}`, `        pattern: ${JSON.stringify(l)}`]), ''].join('\n'));
  const brief = path.join(dir, 'issue.md');
  const text = fs.readFileSync(example, 'utf8').replace('which take effect in September. Who must apply:', `which take effect in September.\n${PROSE_LINE}\nWho must apply:`);
  fs.writeFileSync(brief, text);
  return { dir, brief };
}

function check(cwd: string, file: string) {
  const result = spawnSync(process.execPath, [bin, 'check', '--no-color', file], { cwd, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return result;
}

describe('policy-brief check with a team\'s schema patterns', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => { for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true }); });

  it('a citation line pattern with nested quantifiers does not hang the run on a long prose line', () => {
    const { dir, brief } = team(['^(\\w+\\s?)+ \\| (?<date>.+)$']);
    dirs.push(dir);
    const result = check(dir, brief);
    assert.notEqual(result.status, null, 'the run was killed by the timeout');
    assert.equal(result.stderr, '');
    assert.equal(result.status, 0, result.stdout);
  });

  it('a schema warning (a capture nothing reads) is printed as a warning; the schema is used and the exit code is the findings\'', () => {
    const { dir, brief } = team(['^Policy \\| (?<area>[^|]+)$']);
    dirs.push(dir);
    const result = check(dir, brief);
    assert.match(result.stderr, /^Configuration warnings \(the configuration is used\):$/m);
    assert.doesNotMatch(result.stderr, /bundled defaults/);
    assert.match(result.stderr, /nothing reads the capture 'area'/);
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
  });

  it('a schema error still exits 2 with the bundled defaults used instead', () => {
    const { dir, brief } = team(['^Policy']);
    dirs.push(dir);
    fs.appendFileSync(path.join(dir, '.policy-brief', 'issue-schema.yaml'), 'issue:\n  topics:\n    max: many\n');
    const result = check(dir, brief);
    assert.match(result.stderr, /^Configuration problems \(the bundled defaults are used instead\):$/m);
    assert.equal(result.status, 2);
  });
});
