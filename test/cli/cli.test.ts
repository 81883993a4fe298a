/**
 * The `policy-brief check` command, run as users run it: `node bin/policy-brief.js` in a child
 * process (the bundle in dist/ is built by `npm test` before mocha runs).
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot, read } from '../support/config';
import { archiveRules, rules } from '../../server/core/src/index';

const bin = path.join(repoRoot, 'bin', 'policy-brief.js');

/** Runs the CLI with `args` in `cwd` (default: the repository), feeding `input` to stdin. */
function run(args: string[], options: { cwd?: string; input?: string } = {}): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? repoRoot, input: options.input ?? '', encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return result;
}

/** Output of a run that must not have crashed: no stack trace on stderr. */
function assertNoCrash(result: SpawnSyncReturns<string>): void {
  assert.doesNotMatch(result.stderr, /^\s+at .+\(.+:\d+:\d+\)$/m, `stack trace on stderr:\n${result.stderr}`);
  assert.notEqual(result.status, null, 'process was killed');
}

interface JsonPosition { line: number; character: number; offset: number }
interface JsonFinding { ruleId: string; severity: string; message: string; range: { start: JsonPosition; end: JsonPosition }; fixes?: unknown[] }
interface JsonResult { path: string; error?: string; findings: JsonFinding[] }

function json(result: SpawnSyncReturns<string>): JsonResult[] {
  return JSON.parse(result.stdout) as JsonResult[];
}

let tmp: string;
function tempDir(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

describe('policy-brief check (CLI)', function () {
  this.timeout(120_000);

  before(() => {
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'server', 'cli.js')), 'dist/server/cli.js is missing: run `npm run build` (npm test does)');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('human output', () => {
    it('prints path, 1-based line:column, severity, message, rule id and a code frame', () => {
      const result = run(['check', '--no-color', 'examples/mistakes/bad-date.md']);
      assertNoCrash(result);
      assert.equal(result.status, 1);
      const out = result.stdout;
      assert.match(out, /^examples\/mistakes\/bad-date\.md$/m);
      assert.match(out, /^ {2}24:7 +error +Write the date as 'April 14, 2023' \(format MMMM d, yyyy\)\. +date\.invalid$/m);
      assert.match(out, /^ {4}> 24 \| Date: 2023-04-14 <!-- expect: date\.invalid -->$/m);
      // The caret line marks exactly the 10 characters of the date under it.
      const frame = out.split('\n');
      const at = frame.findIndex((l) => l.includes('> 24 | Date: 2023-04-14'));
      assert.match(frame[at + 1], /^\s+\|\s+\^{10}$/);
      assert.equal(frame[at + 1].indexOf('^'), frame[at].indexOf('2023-04-14'), 'carets under the date');
      assert.match(out, /2 finding\(s\) in 1 of 1 file\(s\): 2 error\(s\), 0 warning\(s\), 0 information, 0 hint\(s\)\./);
    });

    it('shows a window of a long line around each target, with … at the cuts and the carets under the target', () => {
      const dir = tempDir('long-line');
      const names = Array.from({ length: 300 }, (_, i) => (i === 150 ? 'MITT' : 'MIIT')).join(', ');
      const text = read(path.join(repoRoot, 'examples', 'china-industries-2023-04.md')).replace(/^Issuing bodies: .*$/m, `Issuing bodies: ${names}`);
      fs.writeFileSync(path.join(dir, 'long.md'), text);
      const result = run(['check', '--no-color', 'long.md'], { cwd: dir });
      assertNoCrash(result);
      const lines = result.stdout.split('\n');
      const at = lines.findIndex((l) => /'MITT'.*issuing-body\.unknown/.test(l));
      assert.ok(at >= 0, result.stdout);
      const [shown, carets] = [lines[at + 1], lines[at + 2]];
      assert.match(shown, /^ {4}> \d+ \| …[^…]*, MITT, [^…]*…$/);
      assert.ok(shown.length < 260, `a window, not the ${names.length}-character line: ${shown.length}`);
      assert.equal(carets.indexOf('^'), shown.indexOf('MITT'), 'carets under the target');
      assert.match(carets, /^ +\| +\^{4}$/, 'four carets under MITT');
    });

    it('places columns in UTF-16 code units after Chinese and emoji text', () => {
      const dir = tempDir('utf16');
      const brief = read(path.join(repoRoot, 'test', 'rules', 'structure.topic-numbering', 'wrong-number.md'));
      fs.writeFileSync(path.join(dir, 'brief.md'), brief);
      const result = run(['check', '--no-color', '--format', 'json', path.join(dir, 'brief.md')]);
      const [finding] = json(result)[0].findings;
      assert.equal(finding.ruleId, 'structure.topic-numbering');
      assert.equal(brief.slice(finding.range.start.offset, finding.range.end.offset), '3');
      assert.equal(finding.range.start.character, 3);
      const human = run(['check', '--no-color', path.join(dir, 'brief.md')]).stdout;
      assert.match(human, new RegExp(`^ {2}${finding.range.start.line + 1}:4 +error`, 'm'));
    });

    it('places the carets by display width under Chinese text (Han characters take two columns)', () => {
      const result = run(['check', '--no-color', 'examples/mistakes/traditional-characters.md']);
      assertNoCrash(result);
      const frame = result.stdout.split('\n');
      const finding = frame.findIndex((l) => l.includes("Traditional characters '實體'"));
      const at = finding + 1;
      assert.ok(finding >= 0 && frame[at].includes('> 36 |'), result.stdout);
      const carets = frame[at + 1];
      // Columns before the carets = display width of the line up to 實體 (each Han character is 2 columns).
      const line = frame[at];
      const prefix = line.slice(0, line.indexOf('實體'));
      const width = [...prefix].reduce((n, ch) => n + (/[\p{Script=Han}（）]/u.test(ch) ? 2 : 1), 0);
      assert.equal(carets.indexOf('^'), width, `carets misplaced:\n${line}\n${carets}`);
      assert.match(carets, /\| +\^{4}$/, 'two Han characters are four columns of carets');
    });

    it('omits code frames with --no-code-frame and shows errors only with --quiet', () => {
      const result = run(['check', '--no-color', '--no-code-frame', '--quiet', 'examples/mistakes/unknown-issuing-body.md']);
      assert.doesNotMatch(result.stdout, /\| Issuing bodies/);
      assert.doesNotMatch(result.stdout, /warning/);
      assert.equal(result.status, 0, 'only warnings: exit 0');
    });

    it('says so when there are no findings, exit 0', () => {
      const result = run(['check', 'examples/china-industries-2023-04.md', 'examples/two-documents.md', 'examples/mistakes/crlf-and-bom.md']);
      assertNoCrash(result);
      assert.equal(result.status, 0);
      assert.equal(result.stdout.trim(), 'No findings in 3 file(s).');
    });
  });

  describe('--format json', () => {
    it('prints an array of {path, findings} with 0-based UTF-16 ranges and offsets', () => {
      const file = 'examples/mistakes/unknown-issuing-body.md';
      const text = read(path.join(repoRoot, file));
      const result = run(['check', '--format', 'json', file]);
      assert.equal(result.status, 0, 'warnings only');
      const results = json(result);
      assert.equal(results.length, 1);
      assert.deepEqual(Object.keys(results[0]).sort(), ['findings', 'path']);
      assert.equal(results[0].path, file);
      const findings = results[0].findings;
      assert.deepEqual(findings.map((f) => [f.range.start.line, f.ruleId]), [[22, 'issuing-body.unknown'], [36, 'issuing-body.non-canonical'], [36, 'issuing-body.unknown']]);
      const lines = text.split('\n');
      for (const f of findings) {
        const { start, end } = f.range;
        const lineStart = text.split('\n').slice(0, start.line).reduce((n, l) => n + l.length + 1, 0);
        assert.equal(start.offset, lineStart + start.character);
        assert.equal(end.line, start.line);
        assert.equal(text.slice(start.offset, end.offset), lines[start.line].slice(start.character, end.character));
        assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity));
      }
      assert.equal(text.slice(findings[0].range.start.offset, findings[0].range.end.offset), 'MITT');
      assert.deepEqual(findings[0].fixes, [{ title: "Replace with 'MIIT'", isPreferred: true, edits: [{ range: findings[0].range, newText: 'MIIT' }] }]);
    });
  });

  describe('--format sarif', () => {
    it('writes a SARIF 2.1.0 log with rules, results and regions', () => {
      const result = run(['check', '--format', 'sarif', 'examples/']);
      assertNoCrash(result);
      assert.equal(result.status, 1);
      const log = JSON.parse(result.stdout) as Record<string, any>;
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      assert.ok(Array.isArray(log.runs) && log.runs.length === 1);
      const [sarifRun] = log.runs;
      assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
      const driver = sarifRun.tool.driver;
      assert.equal(driver.name, 'policy-brief');
      assert.equal(typeof driver.version, 'string');
      const ruleIds = new Set<string>();
      for (const rule of driver.rules) {
        assert.equal(typeof rule.id, 'string');
        assert.ok(!ruleIds.has(rule.id), `rule ${rule.id} twice`);
        ruleIds.add(rule.id);
        assert.equal(typeof rule.shortDescription.text, 'string');
        assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id.replace(/\./g, '\\.')}\\.md$`));
        assert.ok(['error', 'warning', 'note', 'none'].includes(rule.defaultConfiguration.level));
      }
      assert.ok(ruleIds.has('date.invalid'));
      assert.ok(sarifRun.results.length >= 20);
      for (const r of sarifRun.results) {
        assert.ok(ruleIds.has(r.ruleId), `unknown rule ${r.ruleId}`);
        assert.ok(['error', 'warning', 'note', 'none'].includes(r.level));
        assert.equal(typeof r.message.text, 'string');
        assert.ok(r.message.text.length > 0);
        assert.equal(r.locations.length, 1);
        const { artifactLocation, region } = r.locations[0].physicalLocation;
        assert.equal(typeof artifactLocation.uri, 'string');
        assert.ok(!artifactLocation.uri.includes('\\'));
        for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(region[key]) && region[key] >= 1, `${key} ${region[key]}`);
        assert.ok(region.endLine > region.startLine || region.endColumn >= region.startColumn);
        assert.ok(region.charOffset >= 0 && region.charLength >= 0);
        for (const fix of r.fixes ?? []) {
          assert.equal(typeof fix.description.text, 'string');
          for (const change of fix.artifactChanges) for (const replacement of change.replacements) assert.ok(replacement.deletedRegion.startLine >= 1);
        }
      }
      const date = sarifRun.results.find((r: any) => r.ruleId === 'date.invalid' && r.locations[0].physicalLocation.artifactLocation.uri === 'examples/mistakes/bad-date.md');
      assert.deepEqual(date.locations[0].physicalLocation.region, { startLine: 24, startColumn: 7, endLine: 24, endColumn: 17, charOffset: read(path.join(repoRoot, 'examples/mistakes/bad-date.md')).indexOf('Date: 2023-04-14') + 6, charLength: 10 });
      assert.equal(date.level, 'error');
      assert.equal(sarifRun.invocations[0].executionSuccessful, true);
    });
  });

  describe('exit codes and usage errors', () => {
    const usage: [string, string[], RegExp][] = [
      ['no inputs', ['check'], /Name at least one file/],
      ['an unknown option', ['check', '--bogus', 'examples/'], /unknown option '--bogus'/],
      ['a missing --schema file', ['check', '--schema', 'nowhere/issue-schema.yaml', 'examples/'], /Configuration file not found: nowhere\/issue-schema\.yaml/],
      ['a missing file', ['check', 'examples/no-such-brief.md'], /No file matches 'examples\/no-such-brief\.md'/],
      ['a glob without matches', ['check', 'examples/**/*.nothing'], /No file matches/],
    ];
    for (const [what, args, message] of usage) {
      it(`exits 2 with a clear message for ${what}`, () => {
        const result = run(args);
        assertNoCrash(result);
        assert.equal(result.status, 2);
        assert.match(result.stderr, message);
      });
    }

    it('exits 1 when a brief has errors and 0 with warnings only, unless --max-warnings is exceeded', () => {
      assert.equal(run(['check', 'examples/mistakes/missing-comment.md']).status, 1);
      assert.equal(run(['check', 'examples/mistakes/link-placeholder.md']).status, 0);
      assert.equal(run(['check', '--max-warnings', '0', 'examples/mistakes/link-placeholder.md']).status, 1);
    });

    it('keeps its exit code and prints no error when the reader stops reading its output (| head)', async () => {
      // Output far beyond a pipe's buffer (64 KB): the write after the reader left fails with EPIPE.
      const dir = tempDir('epipe');
      for (let i = 0; i < 60; i++) fs.copyFileSync(path.join(repoRoot, 'examples', 'mistakes', 'missing-comment.md'), path.join(dir, `brief-${i}.md`));
      const child = spawn(process.execPath, [bin, 'check', '--format', 'json', '--jobs', '1', dir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
      child.stdout.once('data', () => child.stdout.destroy());
      const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
      assert.equal(stderr, '', 'nothing on stderr');
      assert.equal(signal, null);
      assert.equal(code, 1, 'the exit code of the findings (errors), as without the pipe');
    });

    it('exits 2 for a broken team issue schema and prints its finding with the line', () => {
      const dir = tempDir('broken-team');
      fs.mkdirSync(path.join(dir, '.git'));
      fs.mkdirSync(path.join(dir, '.policy-brief'));
      fs.writeFileSync(path.join(dir, '.policy-brief', 'issue-schema.yaml'), 'schemaVersion: 1\r\nextends: default\r\nissue:\r\n  topics:\r\n    max: lots\r\n');
      fs.copyFileSync(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'), path.join(dir, 'brief.md'));
      const human = run(['check', '--no-color', 'brief.md'], { cwd: dir });
      assertNoCrash(human);
      assert.equal(human.status, 2);
      assert.match(human.stderr, /Configuration problems/);
      assert.match(human.stderr, /issue-schema\.yaml\n {2}5:10 +error +issue\.topics\.max must be integer or null\. +schema\.schema-violation/);
      assert.match(human.stderr, /> 5 \| {5}max: lots/);
      const machine = json(run(['check', '--format', 'json', 'brief.md'], { cwd: dir }));
      const config = machine.find((r) => r.path.endsWith(path.join('.policy-brief', 'issue-schema.yaml')));
      assert.ok(config);
      assert.equal(config.path, path.join('.policy-brief', 'issue-schema.yaml'), 'relative to the working directory, as the briefs');
      assert.deepEqual(config.findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]), [['schema.schema-violation', 4, 9]]);
    });
  });

  describe("a team's document-number prefixes (.policy-brief/document-number-prefixes.yaml)", () => {
    const brief = (number: string) => [
      '---', 'policy-brief: china-industries', 'date: 2024-06-30', '---', '', '# Market rules', '', '## 1. Regulator sets rules for market checks', '',
      '**At a glance:** The market regulator sets out how inspectors check online shops.', '',
      '**MERICS comment:** Shops should expect more visits.', '',
      'Article: Rules on Online Market Checks (网络市场检查规则) ([Link](https://example.com/doc))', 'Issuing bodies: MIIT', 'Date: May 8, 2024', `Document number: ${number}`, '',
    ].join('\n');

    it('a prefix the team adds is checked against the cited bodies; without the file it is not', () => {
      const dir = tempDir('team-prefixes');
      fs.mkdirSync(path.join(dir, '.git'));
      fs.writeFileSync(path.join(dir, 'brief.md'), brief('国市监网监规〔2024〕3号'));
      const before = json(run(['check', '--format', 'json', 'brief.md'], { cwd: dir }));
      assert.deepEqual(before[0].findings.filter((f) => f.ruleId.startsWith('document-number.')), [], 'an unknown prefix is left alone');
      fs.mkdirSync(path.join(dir, '.policy-brief'));
      fs.writeFileSync(path.join(dir, '.policy-brief', 'document-number-prefixes.yaml'), 'schemaVersion: 1\nprefixes:\n  - prefix: 国市监\n    bodies: [SAMR]\n    source: [https://example.org/samr-numbers]\n    confidence: high\n');
      const result = run(['check', '--format', 'json', 'brief.md'], { cwd: dir });
      assertNoCrash(result);
      const findings = json(result).find((r) => r.path === 'brief.md')!.findings.filter((f) => f.ruleId === 'document-number.issuer');
      assert.equal(findings.length, 1);
      assert.match(findings[0].message, /^国市监 is the document-number prefix of SAMR \(State Administration for Market Regulation\), which is not among the issuing bodies cited \(MIIT\)/);
      assert.deepEqual([findings[0].range.start.line, findings[0].range.start.character, findings[0].range.end.character], [16, 17, 20]);
    });

    it('a broken prefixes file exits 2 with its finding at the line; the bundled prefixes still apply', () => {
      const dir = tempDir('team-prefixes-broken');
      fs.mkdirSync(path.join(dir, '.git'));
      fs.mkdirSync(path.join(dir, '.policy-brief'));
      fs.writeFileSync(path.join(dir, '.policy-brief', 'document-number-prefixes.yaml'), 'schemaVersion: 1\nprefixes:\n  - prefix: 国市监\n    bodies: SAMR\n    source: [https://example.org/samr-numbers]\n    confidence: high\n');
      fs.writeFileSync(path.join(dir, 'brief.md'), brief('国办发〔2024〕12号'));
      const result = run(['check', '--no-color', 'brief.md'], { cwd: dir });
      assertNoCrash(result);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /document-number-prefixes\.yaml\n {2}4:13 +error +.*bodies must be array.* +catalogue\.schema-violation/);
      assert.match(result.stdout, /国办发 is the document-number prefix of GOSC/);
    });
  });

  describe('inputs', () => {
    it('checks a file named twice (`. ./a.md`, a relative and an absolute path, a link) once, under the first name', () => {
      const dir = tempDir('named-twice');
      fs.copyFileSync(path.join(repoRoot, 'examples', 'mistakes', 'bad-date.md'), path.join(dir, 'a.md'));
      fs.symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'link.md'));
      const once = json(run(['check', '--format', 'json', 'a.md'], { cwd: dir }));
      const twice = run(['check', '--format', 'json', 'a.md', './a.md', path.join(dir, 'a.md'), 'link.md'], { cwd: dir });
      assertNoCrash(twice);
      assert.deepEqual(json(twice), once, 'the same result as naming it once: no doubled finding, no archive finding against itself');
    });

    it('does not check or fix a file that is not UTF-8 (Latin-1, GBK): it says so, the file keeps every byte, the other files are checked', () => {
      const dir = tempDir('not-utf8');
      const latin1 = Buffer.from(read(path.join(repoRoot, 'examples', 'mistakes', 'bad-date.md')).replace('# ', '# Café crème '), 'latin1');
      fs.writeFileSync(path.join(dir, 'latin1.md'), latin1);
      fs.copyFileSync(path.join(repoRoot, 'examples', 'mistakes', 'bad-date.md'), path.join(dir, 'utf8.md'));
      const result = run(['check', '--no-color', '--fix', 'latin1.md', 'utf8.md'], { cwd: dir });
      assertNoCrash(result);
      assert.equal(result.status, 1);
      assert.match(result.stdout, /^latin1\.md\n {2}error {2}File is not UTF-8 text \(byte 0xE9 on line \d+\); not checked \(and not fixed\)\. Save it as UTF-8\.$/m);
      assert.ok(fs.readFileSync(path.join(dir, 'latin1.md')).equals(latin1), 'the Latin-1 file is byte for byte as it was');
      assert.match(result.stderr, /Fixed \d+ place\(s\) in utf8\.md\./, 'the UTF-8 file is fixed');
      const stdin = spawnSync(process.execPath, [bin, 'check', '-'], { cwd: dir, input: latin1, encoding: 'utf8' });
      assert.equal(stdin.status, 2);
      assert.match(stdin.stderr, /Standard input is not UTF-8 text \(byte 0xE9 on line \d+\): give UTF-8 text\./);
    });

    it('reads standard input with - and names it by --stdin-filename', () => {
      const result = run(['check', '--format', 'json', '-', '--stdin-filename', 'drafts/brief.md'], { input: read(path.join(repoRoot, 'examples', 'mistakes', 'bad-date.md')) });
      assertNoCrash(result);
      assert.equal(result.status, 1);
      const [only] = json(result);
      assert.equal(only.path, 'drafts/brief.md');
      assert.deepEqual(only.findings.map((f) => [f.range.start.line, f.ruleId]), [[23, 'date.invalid'], [37, 'date.invalid']]);
      const human = run(['check', '--no-color', '-'], { input: '# T\n\n## 1. Topic\n' });
      assert.match(human.stdout, /^<stdin>$/m);
    });

    it('expands globs and folders (folders: briefs only)', () => {
      const globbed = json(run(['check', '--format', 'json', 'examples/mistakes/b*.md']));
      assert.deepEqual(globbed.map((r) => r.path), ['examples/mistakes/bad-date.md', 'examples/mistakes/body-anachronism.md']);
      const folder = json(run(['check', '--format', 'json', 'examples']));
      // Every Markdown file under examples/ is a brief but the READMEs (publications' briefs included: they are recognised by their schema's heading level or front matter).
      const briefs = fs.readdirSync(path.join(repoRoot, 'examples'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md') && path.basename(f) !== 'README.md');
      assert.ok(briefs.length >= 24, `${briefs.length} example briefs`);
      assert.deepEqual(folder.map((r) => r.path).sort(), briefs.map((f) => path.join('examples', f)).sort());
      assert.ok(!folder.some((r) => r.path.endsWith('README.md')), 'a README that is not a brief is skipped');
    });

    it('checks a folder of 40 briefs in worker threads with the same results as -j 1', () => {
      const dir = tempDir('forty');
      const sources = fs.readdirSync(path.join(repoRoot, 'examples', 'mistakes')).filter((f) => f.endsWith('.md')).map((f) => path.join(repoRoot, 'examples', 'mistakes', f));
      for (let i = 0; i < 40; i++) fs.copyFileSync(sources[i % sources.length], path.join(dir, `brief-${String(i).padStart(2, '0')}.md`));
      const parallel = run(['check', '--format', 'json', '-j', '2', dir]);
      const serial = run(['check', '--format', 'json', '-j', '1', dir]);
      assertNoCrash(parallel);
      assert.equal(parallel.status, 1);
      assert.equal(json(parallel).length, 40);
      assert.equal(parallel.stdout, serial.stdout);
      assert.equal(parallel.status, serial.status);
    });

    it('reports a binary file and an unreadable path clearly, without crashing', () => {
      const dir = tempDir('junk');
      const junk = path.join(dir, 'junk.md');
      fs.writeFileSync(junk, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a, 0xff, 0xfe, 0x00, 0x23, 0x20]));
      const result = run(['check', '--no-color', junk]);
      assertNoCrash(result);
      assert.equal(result.status, 1);
      assert.match(result.stdout, /error {2}File looks binary \(contains NUL bytes\); not checked\./);
      const asJson = json(run(['check', '--format', 'json', junk]));
      assert.deepEqual(asJson, [{ path: junk, error: 'File looks binary (contains NUL bytes); not checked.', findings: [] }]);
      const folderAsFile = run(['check', '--format', 'json', path.join(dir, 'sub.md')]);
      assert.equal(folderAsFile.status, 2);
    });
  });

  describe('--fix', () => {
    it('writes the preferred fixes, keeping the BOM and CRLF line endings', () => {
      const dir = tempDir('fix');
      const file = path.join(dir, 'brief.md');
      const lf = read(path.join(repoRoot, 'test', 'rules', 'issuing-body.list-format', 'separators-and-repeat.md'))
        .replace('Date: April 14, 2023', 'Date: 2023-04-14')
        .replace(/ <!--[^>]*-->/g, '');
      const original = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
      fs.writeFileSync(file, original);
      const result = run(['check', '--fix', '--format', 'json', file]);
      assertNoCrash(result);
      assert.equal(result.status, 0, result.stdout);
      assert.deepEqual(json(result)[0].findings, []);
      const fixed = fs.readFileSync(file, 'utf8');
      assert.ok(fixed.startsWith('\uFEFF'), 'BOM kept');
      assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF');
      assert.equal(fixed.split('\r\n').length, original.split('\r\n').length, 'no line added or removed');
      assert.match(fixed, /\r\nIssuing bodies: MIIT, NDRC, MEE\r\nDate: April 14, 2023\r\n/);
      assert.equal(fixed.replace('MIIT, NDRC, MEE', 'X').replace('April 14, 2023', 'Y'), original.replace('MIIT；NDRC、MEE,MEE', 'X').replace('2023-04-14', 'Y'), 'nothing else changed');
    });

    it('does not write standard input back', () => {
      const result = run(['check', '--fix', '--format', 'json', '-'], { input: '# T\n\n## 1. Topic\n\nArticle: A (中文) (Link)\nIssuing bodies: MIIT and NDRC\nDate: 2023-04-14\n' });
      assertNoCrash(result);
      assert.ok(json(result)[0].findings.some((f) => f.ruleId === 'date.invalid'));
    });
  });

  it('lists the rules', () => {
    const result = run(['rules']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^date\.invalid +error +/m);
    assert.equal(result.stdout.trim().split('\n').length, rules.length + archiveRules.length, 'one line per brief rule and per archive rule');
    assert.match(result.stdout, /^structure\.heading-metadata +warning +/m);
  });
});
