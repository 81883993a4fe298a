/**
 * `policy-brief check` on briefs nested thousands of levels deep (which used to exit 2 with
 * "Maximum call stack size exceeded" and no output at all): each file is reported on its own,
 * the deep ones with a `structure.markdown-limit` finding, in-process and in worker threads.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot, read } from '../support/config';

const bin = path.join(repoRoot, 'bin', 'policy-brief.js');
const example = read(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'));

function check(args: string[]) {
  const result = spawnSync(process.execPath, [bin, 'check', '--format', 'json', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw result.error;
  return result;
}

describe('policy-brief check on deeply nested briefs', function () {
  this.timeout(240_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-deep-'));
    fs.writeFileSync(path.join(dir, 'a-normal.md'), example);
    fs.writeFileSync(path.join(dir, 'b-quotes.md'), `${example}\n${'> '.repeat(4000)}x\n`);
    fs.writeFileSync(path.join(dir, 'c-lists.md'), `${example}\n${'- '.repeat(10000)}x\n`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports every file, the deep ones with structure.markdown-limit, and exits 0 for warnings only (not 2)', () => {
    const result = check([dir]);
    assert.equal(result.status, 0, `exit ${result.status}; stderr: ${result.stderr}`);
    const files = JSON.parse(result.stdout) as { path: string; error?: string; findings: { ruleId: string }[] }[];
    assert.deepEqual(files.map((f) => path.basename(f.path)), ['a-normal.md', 'b-quotes.md', 'c-lists.md']);
    // The three briefs share their topics: archive notes (duplicate headlines) come on top of each file's own findings.
    const own = (file: { findings: { ruleId: string }[] }) => file.findings.filter((f) => !f.ruleId.startsWith('archive.'));
    assert.deepEqual(own(files[0]), []);
    for (const deep of files.slice(1)) {
      assert.equal(deep.error, undefined);
      assert.deepEqual(own(deep).map((f) => f.ruleId), ['structure.markdown-limit']);
    }
  });

  it('gives the same output in worker threads (-j 2, 16 files)', () => {
    const many = path.join(dir, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i < 16; i++) fs.copyFileSync(path.join(dir, ['a-normal.md', 'b-quotes.md', 'c-lists.md'][i % 3]), path.join(many, `brief-${String(i).padStart(2, '0')}.md`));
    const parallel = check(['-j', '2', many]);
    const serial = check(['-j', '1', many]);
    assert.equal(parallel.status, 0, parallel.stderr);
    assert.equal(parallel.stdout, serial.stdout);
    assert.equal((JSON.parse(parallel.stdout) as unknown[]).length, 16);
  });
});
