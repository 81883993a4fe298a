/** `policy-brief schema init`: writes the commented starting schema, which the checker then uses; never overwrites without --force. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { read, repoRoot } from '../support/config';
import { runCli } from './support';

describe('policy-brief schema init', function () {
  this.timeout(120_000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-schema-init-'));
    fs.mkdirSync(path.join(tmp, '.git'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes .policy-brief/issue-schema.yaml, and and a brief below it is checked with it without findings', () => {
    const result = runCli(['schema', 'init', tmp]);
    assert.equal(result.status, 0, result.stderr);
    const written = path.join(tmp, '.policy-brief', 'issue-schema.yaml');
    assert.equal(read(written), read(path.join(repoRoot, 'data', 'issue-schema.template.yaml')));
    fs.copyFileSync(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'), path.join(tmp, 'brief.md'));
    const check = runCli(['check', '--format', 'json', 'brief.md'], { cwd: tmp });
    assert.equal(check.status, 0, check.stdout + check.stderr);
  });

  it('--from <name> starts from a bundled publication schema: its example issue is checked with it without findings', () => {
    const result = runCli(['schema', 'init', tmp, '--from', 'china-essentials']);
    assert.equal(result.status, 0, result.stderr);
    const written = read(path.join(tmp, '.policy-brief', 'issue-schema.yaml'));
    assert.match(written, /^extends: china-essentials$/m);
    assert.match(written, /^#   groups:$/m, "the bundled schema's settings follow as comments");
    fs.copyFileSync(path.join(repoRoot, 'examples', 'publications', 'china-essentials', '2025-09-04.md'), path.join(tmp, 'issue.md'));
    // The example's own team file adds a closing section; without it, that section reads as a story of the last group.
    fs.appendFileSync(path.join(tmp, '.policy-brief', 'issue-schema.yaml'), 'issue:\n  closing:\n    headings: [About this newsletter]\n');
    const check = runCli(['check', '--format', 'json', 'issue.md'], { cwd: tmp });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.deepEqual(JSON.parse(check.stdout)[0].findings, []);
  });

  it('--from with a name that is no bundled schema: exit 2, the nearest name and the list, nothing written', () => {
    const result = runCli(['schema', 'init', tmp, '--from', 'china-tmt']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /No bundled schema is named 'china-tmt'\. Did you mean 'china-tmt-update'\? The bundled schemas are 'default', /);
    assert.ok(!fs.existsSync(path.join(tmp, '.policy-brief')));
  });

  it('refuses to replace an existing schema without --force (exit 2, file kept)', () => {
    const target = path.join(tmp, '.policy-brief', 'issue-schema.yaml');
    fs.mkdirSync(path.dirname(target));
    fs.writeFileSync(target, 'schemaVersion: 1\n');
    const result = runCli(['schema', 'init', tmp]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /exists; use --force/);
    assert.equal(read(target), 'schemaVersion: 1\n');
    assert.equal(runCli(['schema', 'init', tmp, '--force']).status, 0);
    assert.notEqual(read(target), 'schemaVersion: 1\n');
  });
});
