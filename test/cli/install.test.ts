/**
 * The npm package as a team installs it: `npm pack` (.npmignore keeps dist/server, data/, schemas/,
 * docs/rules/), installed from the tarball into a temporary project, and both bins run there —
 * `policy-brief check` on the project's briefs (rule pages as file: URLs inside the installed
 * package) and `policy-brief-language-server` (--version, --help, and one LSP session over stdio).
 * Uses the npm cache (`--prefer-offline`); takes ~20 s.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, PublishDiagnosticsNotification, ShutdownRequest, ExitNotification, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { expectedFindings, repoRoot, read } from '../support/config';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('npm package installed in another project', function () {
  this.timeout(300_000);
  let tmp: string;
  let project: string;
  let installed: string;
  const version = (JSON.parse(read(path.join(repoRoot, 'package.json'))) as { version: string }).version;

  before(() => {
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'server', 'cli.js')), 'dist/ is missing: run `npm run build` (npm test does)');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-install-'));
    // dist/ is already built by the test run; `prepack` builds it for a plain `npm pack`.
    const packed = execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', tmp], { cwd: repoRoot, encoding: 'utf8' }).trim().split('\n').at(-1)!;
    project = path.join(tmp, 'team-briefs');
    fs.mkdirSync(path.join(project, 'briefs'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'team-briefs', private: true }));
    fs.copyFileSync(path.join(repoRoot, 'examples', 'mistakes', 'bad-date.md'), path.join(project, 'briefs', 'bad-date.md'));
    fs.copyFileSync(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'), path.join(project, 'briefs', 'complete.md'));
    // A second team in the same repository, whose schema extends a bundled publication schema by name.
    fs.cpSync(path.join(repoRoot, 'examples', 'publications', 'china-tmt-update'), path.join(project, 'tmt'), { recursive: true });
    execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', path.join(tmp, packed)], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    installed = path.join(project, 'node_modules', 'policy-brief');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const bin = (name: string) => path.join(project, 'node_modules', '.bin', name);
  const run = (name: string, args: string[]) => spawnSync(bin(name), args, { cwd: project, encoding: 'utf8', timeout: 60_000 });

  it('the tarball holds what the bins need and no sources or tests', () => {
    for (const file of ['dist/server/cli.js', 'dist/server/server.js', 'dist/server/check-worker.js', 'dist/server/worker.js', 'data/issuing-bodies.yaml', 'data/issue-schemas/default.yaml', 'data/issue-schema.template.yaml', 'schemas/issue-schema.schema.json', 'docs/rules/date.invalid.md', 'README.md', 'LICENSE']) {
      assert.ok(fs.existsSync(path.join(installed, file)), file);
    }
    for (const absent of ['server', 'test', 'client/src', 'examples', 'scripts', 'dist/test']) assert.ok(!fs.existsSync(path.join(installed, absent)), absent);
  });

  it('npx policy-brief check briefs/ works there, linking rule pages inside the installed package', () => {
    const human = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--no-install', 'policy-brief', 'check', '--no-color', 'briefs/'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
    assert.equal(human.status, 1, human.stderr);
    assert.match(human.stdout, /^briefs\/bad-date\.md$/m);
    // bad-date.md's two errors, and the four topics the two briefs share (archive.duplicate-headline notes).
    assert.match(human.stdout, /6 finding\(s\) in 2 of 2 file\(s\): 2 error\(s\), 0 warning\(s\), 4 information, 0 hint\(s\)/);
    const sarif = JSON.parse(run('policy-brief', ['check', '--format', 'sarif', 'briefs/']).stdout);
    for (const rule of sarif.runs[0].tool.driver.rules) {
      const file = fileURLToPath(rule.helpUri);
      assert.ok(file.startsWith(fs.realpathSync(installed)) || file.startsWith(installed), file);
      assert.ok(fs.existsSync(file), file);
    }
    const page = run('policy-brief', ['rules', 'date.invalid']);
    assert.equal(page.stdout, read(path.join(repoRoot, 'docs', 'rules', 'date.invalid.md')));
  });

  it('extends: <name> finds the bundled schemas there, and schema init --from <name> writes from them', () => {
    for (const name of fs.readdirSync(path.join(repoRoot, 'data', 'issue-schemas'))) assert.ok(fs.existsSync(path.join(installed, 'data', 'issue-schemas', name)), name);
    const tmt = JSON.parse(run('policy-brief', ['check', '--format', 'json', 'tmt/']).stdout) as { path: string; findings: { ruleId: string; range: { start: { line: number } } }[] }[];
    const found = tmt.map((r) => `${r.path}: ${r.findings.map((f) => `${f.range.start.line} ${f.ruleId}`).join(', ')}`).sort();
    const marked = tmt.map((r) => `${r.path}: ${expectedFindings(read(path.join(project, r.path))).map((e) => `${e.line} ${e.ruleId}`).join(', ')}`).sort();
    assert.equal(tmt.length, fs.readdirSync(path.join(repoRoot, 'examples', 'publications', 'china-tmt-update'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).length);
    assert.deepEqual(found, marked);
    const init = run('policy-brief', ['schema', 'init', 'essentials', '--from', 'china-essentials']);
    assert.equal(init.status, 0, init.stderr);
    assert.match(read(path.join(project, 'essentials', '.policy-brief', 'issue-schema.yaml')), /^extends: china-essentials$/m);
  });

  it('policy-brief-language-server --version and --help print and exit 0', () => {
    const v = run('policy-brief-language-server', ['--version']);
    assert.equal(v.status, 0);
    assert.equal(v.stdout.trim(), version);
    const help = run('policy-brief-language-server', ['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: policy-brief-language-server --stdio/);
    assert.equal(help.stderr, '');
  });

  it('policy-brief-language-server --stdio serves diagnostics with offline rule pages', async () => {
    const server = spawn(bin('policy-brief-language-server'), ['--stdio'], { cwd: project, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, (p) => { if (p.diagnostics.length) resolve(p); }));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    try {
      const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(project).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(project).href, name: 'team-briefs' }] });
      assert.ok(init.capabilities.textDocumentSync);
      await connection.sendNotification(InitializedNotification.type, {});
      const file = path.join(project, 'briefs', 'bad-date.md');
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: pathToFileURL(file).href, languageId: 'markdown', version: 1, text: read(file) } });
      const diagnostics = (await published).diagnostics;
      const date = diagnostics.find((d) => d.code === 'date.invalid');
      assert.ok(date?.codeDescription, JSON.stringify(diagnostics));
      assert.ok(fs.existsSync(fileURLToPath(date.codeDescription.href)), date.codeDescription.href);
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
    } finally {
      connection.dispose();
      server.kill();
    }
  });
});
