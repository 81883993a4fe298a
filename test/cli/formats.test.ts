/**
 * `--format sarif|rdjson|gitlab|github`: the output of real runs validated against the published
 * schemas and shapes (test/cli/fixtures/schemas, sources in its README), with positions checked
 * against the JSON output (UTF-16) on lines with Chinese text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { repoRoot, read } from '../support/config';
import { runCli } from './support';

const schemas = path.join(repoRoot, 'test', 'cli', 'fixtures', 'schemas');
const ajv = new Ajv({ allErrors: true, strict: false });
// The formats the SARIF schema uses; `uri-reference` is what relative artifact URIs must be.
ajv.addFormat('uri', (s: string) => URL.canParse(s));
ajv.addFormat('uri-reference', (s: string) => !/[\s%](?![0-9A-Fa-f]{2})/.test(s) && URL.canParse(s, 'file:///base/'));
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));

function validate(schemaFile: string, value: unknown): void {
  const check = ajv.compile(JSON.parse(read(path.join(schemas, schemaFile))) as object);
  assert.ok(check(value), `${schemaFile}: ${JSON.stringify(check.errors, null, 1)}`);
}

interface JsonPosition { line: number; character: number; offset: number }
interface JsonFinding { ruleId: string; severity: string; message: string; range: { start: JsonPosition; end: JsonPosition }; fixes?: { edits: unknown[] }[] }

describe('policy-brief check: report formats for pull-request review', function () {
  this.timeout(120_000);
  let dir: string;
  const files = ['halfwidth #1 简报.md', 'unknown-issuing-body.md', 'picture.md'];
  let texts: Record<string, string>;
  let json: { path: string; error?: string; findings: JsonFinding[] }[];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-formats-'));
    // A name with a space, '#' and Han (percent-encoded in SARIF), Chinese text before findings, a binary file.
    fs.copyFileSync(path.join(repoRoot, 'examples', 'mistakes', 'halfwidth-punctuation.md'), path.join(dir, files[0]));
    fs.copyFileSync(path.join(repoRoot, 'examples', 'mistakes', 'unknown-issuing-body.md'), path.join(dir, files[1]));
    fs.writeFileSync(path.join(dir, files[2]), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    texts = Object.fromEntries(files.slice(0, 2).map((f) => [f, read(path.join(dir, f))]));
    json = JSON.parse(runCli(['check', '--format', 'json', ...files], { cwd: dir }).stdout);
    assert.ok(json[0].findings.length >= 3 && json[1].findings.length >= 1);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sarif: valid SARIF 2.1.0; relative percent-encoded URIs (space, #, Han) with a uriBaseId; the binary file fails the run with a notification', () => {
    const result = runCli(['check', '--format', 'sarif', ...files], { cwd: dir });
    assert.equal(result.status, 1);
    const log = JSON.parse(result.stdout);
    validate('sarif-2.1.0.subset.schema.json', log);
    const run = log.runs[0];
    const base = run.originalUriBaseIds['%SRCROOT%'].uri as string;
    assert.equal(new URL(base).href, pathToFileURL(dir).href + '/');
    const locations = run.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation);
    assert.ok(locations.some((l: { uri: string }) => l.uri === 'halfwidth%20%231%20%E7%AE%80%E6%8A%A5.md'), JSON.stringify(locations));
    for (const location of locations) {
      assert.equal(location.uriBaseId, '%SRCROOT%');
      assert.ok(fs.existsSync(fileURLToPath(new URL(location.uri, base))), `${location.uri} resolves against ${base}`);
    }
    assert.equal(run.invocations[0].executionSuccessful, false);
    const notification = run.invocations[0].toolExecutionNotifications[0];
    assert.equal(notification.level, 'error');
    assert.match(notification.message.text, /picture\.md: File looks binary/);
    assert.equal(notification.locations[0].physicalLocation.artifactLocation.uri, 'picture.md');
    // Rule pages: file: URLs of pages that exist (offline).
    for (const rule of run.tool.driver.rules) assert.ok(fs.existsSync(fileURLToPath(rule.helpUri)), rule.helpUri);
  });

  it('sarif: a run without unreadable files is successful', () => {
    const log = JSON.parse(runCli(['check', '--format', 'sarif', files[1]], { cwd: dir }).stdout);
    validate('sarif-2.1.0.subset.schema.json', log);
    assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
    assert.deepEqual(log.runs[0].invocations[0].toolExecutionNotifications, []);
  });

  it('rdjson: valid DiagnosticResult; 1-based UTF-8 byte columns; the preferred fix as suggestions', () => {
    const result = runCli(['check', '--format', 'rdjson', ...files], { cwd: dir });
    assert.equal(result.status, 1);
    const output = JSON.parse(result.stdout);
    validate('rdjson.schema.json', output);
    const expected = json.flatMap((file) => file.findings.map((f) => ({ file: file.path, f })));
    const diagnostics = output.diagnostics.filter((d: { location: { range?: unknown } }) => d.location.range);
    assert.equal(diagnostics.length, expected.length);
    let nonAscii = 0;
    for (const [i, { file, f }] of expected.entries()) {
      const d = diagnostics[i];
      const lineText = texts[file].slice(f.range.start.offset - f.range.start.character);
      const byteColumn = Buffer.byteLength(lineText.slice(0, f.range.start.character), 'utf8') + 1;
      assert.equal(d.location.path, file);
      assert.deepEqual(d.location.range.start, { line: f.range.start.line + 1, column: byteColumn });
      assert.equal(d.code.value, f.ruleId);
      assert.equal(d.severity, f.severity === 'error' ? 'ERROR' : f.severity === 'warning' ? 'WARNING' : 'INFO');
      if (byteColumn !== f.range.start.character + 1) nonAscii++;
      if (f.fixes?.length) assert.ok(d.suggestions?.length, `suggestions for ${f.ruleId}`);
    }
    assert.ok(nonAscii > 0, 'some findings follow Chinese text on their line');
    // One finding per half-width pair: its first suggestion replaces exactly the half-width '(' with the full-width one.
    const paren = diagnostics.find((d: { message: string }) => d.message.includes("Half-width '()'"));
    const { start, end } = paren.suggestions[0].range;
    const line = texts[files[0]].split('\n')[start.line - 1];
    assert.equal(Buffer.from(line).subarray(start.column - 1, end.column - 1).toString(), '(');
    assert.equal(paren.suggestions[0].text, '（');
    // The binary file: a diagnostic without a range.
    assert.ok(output.diagnostics.some((d: { location: { path: string; range?: unknown }; message: string }) => d.location.path === 'picture.md' && !d.location.range && /binary/.test(d.message)));
  });

  it('gitlab: valid Code Quality report; fingerprints unique and unchanged when lines move', () => {
    const first = JSON.parse(runCli(['check', '--format', 'gitlab', ...files], { cwd: dir }).stdout);
    validate('gitlab-code-quality.schema.json', first);
    const prints = first.map((issue: { fingerprint: string }) => issue.fingerprint);
    assert.equal(new Set(prints).size, prints.length, 'one fingerprint per finding');
    assert.ok(first.some((i: { check_name: string; severity: string }) => i.check_name === 'citation.halfwidth-punctuation' && i.severity === 'major'));
    // Two lines inserted at the top: every line number moves, no fingerprint changes.
    const moved = path.join(dir, files[1]);
    fs.writeFileSync(moved, texts[files[1]].replace(/^(# .*\r?\n)/m, '$1\nAn added paragraph.\n'));
    try {
      const second = JSON.parse(runCli(['check', '--format', 'gitlab', ...files], { cwd: dir }).stdout);
      const before = first.filter((i: { location: { path: string } }) => i.location.path === files[1]);
      const after = second.filter((i: { location: { path: string } }) => i.location.path === files[1]);
      assert.deepEqual(after.map((i: { fingerprint: string }) => i.fingerprint), before.map((i: { fingerprint: string }) => i.fingerprint));
      assert.deepEqual(after.map((i: { location: { lines: { begin: number } } }) => i.location.lines.begin), before.map((i: { location: { lines: { begin: number } } }) => i.location.lines.begin + 2));
    } finally {
      fs.writeFileSync(moved, texts[files[1]]);
    }
  });

  it('github: one workflow command per finding, with file, 1-based positions, rule id as title, escaped data', () => {
    const result = runCli(['check', '--format', 'github', ...files], { cwd: dir });
    assert.equal(result.status, 1);
    const lines = result.stdout.trim().split('\n');
    const findings = json.flatMap((file) => file.findings.map((f) => ({ file: file.path, f })));
    assert.equal(lines.length, findings.length + 1, 'plus one for the binary file');
    const pattern = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^:]+)::(.+)$/;
    for (const [i, { file, f }] of findings.entries()) {
      const m = pattern.exec(lines[i]);
      assert.ok(m, lines[i]);
      assert.deepEqual(m.slice(1, 8), [
        f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice',
        file, String(f.range.start.line + 1), String(f.range.start.character + 1),
        String(f.range.end.line + 1), String(f.range.end.character + 1), f.ruleId,
      ]);
      assert.equal(m[8], f.message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
    }
    assert.match(lines.at(-1)!, /^::error file=picture\.md,title=policy-brief::File looks binary/);
  });
});
