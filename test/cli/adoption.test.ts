/**
 * Taking the checker into a team's repository and CI: baselines (moved lines keep their
 * fingerprint, stale entries are summarised), --changed-since in a real temporary git repository,
 * --cache hits and invalidation (content, configuration, tool version), and the smaller options
 * (--max-warnings, --quiet, --fix on standard input, -v, configuration mistakes).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot, read } from '../support/config';
import { runCli } from './support';

const example = (name: string) => read(path.join(repoRoot, 'examples', 'mistakes', name));

interface JsonResult { path: string; findings: { ruleId: string; message: string; range: { start: { line: number } } }[] }
const findingsOf = (stdout: string) => (JSON.parse(stdout) as JsonResult[]).flatMap((r) => r.findings.map((f) => ({ path: r.path, line: f.range.start.line + 1, ruleId: f.ruleId, message: f.message })));

describe('policy-brief check in a team repository', function () {
  this.timeout(120_000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-adopt-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('--baseline / --write-baseline', () => {
    it('hides recorded findings, also when lines above them move; reports new ones; summarises stale entries', () => {
      fs.writeFileSync(path.join(tmp, 'a.md'), example('unknown-issuing-body.md'));
      fs.writeFileSync(path.join(tmp, 'b.md'), example('bad-date.md'));
      const written = runCli(['check', '--write-baseline', 'baseline.json', 'a.md', 'b.md'], { cwd: tmp });
      const recorded = JSON.parse(read(path.join(tmp, 'baseline.json')));
      assert.equal(recorded.policyBriefBaseline, 1);
      assert.ok(recorded.findings.length >= 4, JSON.stringify(recorded));
      assert.match(written.stderr, new RegExp(`wrote ${recorded.findings.length} finding\\(s\\) to the baseline baseline\\.json`));

      // Unchanged: nothing to report, exit 0.
      const same = runCli(['check', '--baseline', 'baseline.json', '--format', 'json', 'a.md', 'b.md'], { cwd: tmp });
      assert.deepEqual(findingsOf(same.stdout), []);
      assert.equal(same.status, 0);
      assert.match(same.stderr, new RegExp(`${recorded.findings.length} finding\\(s\\) hidden by the baseline`));

      // Three lines added near the top of a.md (every finding moves down), one date fixed in b.md,
      // and one new mistake in a.md: only the new mistake is reported, the fixed one is stale.
      const a = example('unknown-issuing-body.md').replace(/^(# .*\r?\n)/m, '$1\nOne.\n\nTwo.\n');
      fs.writeFileSync(path.join(tmp, 'a.md'), a.replace(/Date: (.*)$/m, 'Date: 2023-13-45 <!-- new -->'));
      fs.writeFileSync(path.join(tmp, 'b.md'), example('bad-date.md').replace('Date: 2023-04-14', 'Date: April 14, 2023'));
      const after = runCli(['check', '--baseline', 'baseline.json', '--format', 'json', 'a.md', 'b.md'], { cwd: tmp });
      const reported = findingsOf(after.stdout);
      assert.deepEqual(reported.map((f) => [f.path, f.ruleId]), [['a.md', 'date.invalid']], JSON.stringify(reported));
      assert.equal(after.status, 1);
      assert.match(after.stderr, /1 baseline entry no longer occurs \(fixed or changed: 1 in b\.md\); run with --write-baseline baseline\.json to drop it\./);
    });

    for (const baselineFile of ['baseline.json', '.policy-brief/baseline.json']) {
      it(`works from any folder of the repository: paths are relative to the baseline's folder, not the working directory (${baselineFile})`, () => {
        fs.mkdirSync(path.join(tmp, 'briefs'));
        fs.mkdirSync(path.join(tmp, '.policy-brief'));
        fs.writeFileSync(path.join(tmp, 'briefs', 'a.md'), example('bad-date.md'));
        fs.writeFileSync(path.join(tmp, 'briefs', 'b.md'), example('unknown-issuing-body.md'));
        runCli(['check', '--write-baseline', baselineFile, 'briefs/'], { cwd: tmp });
        const recorded = JSON.parse(read(path.join(tmp, baselineFile))) as { findings: { path: string }[] };
        assert.deepEqual([...new Set(recorded.findings.map((f) => f.path))].sort(), ['briefs/a.md', 'briefs/b.md'], 'paths from the repository top, where .policy-brief is');
        const fromBriefs = runCli(['check', '--baseline', path.join('..', baselineFile), '--format', 'json', '.'], { cwd: path.join(tmp, 'briefs') });
        assert.deepEqual(findingsOf(fromBriefs.stdout), []);
        assert.equal(fromBriefs.status, 0);
        // Fixed in a.md: the entry is stale, and named by its path from the top.
        fs.writeFileSync(path.join(tmp, 'briefs', 'a.md'), example('bad-date.md').replace('Date: 2023-04-14', 'Date: April 14, 2023'));
        const stale = runCli(['check', '--baseline', path.join('..', baselineFile), '--format', 'json', '.'], { cwd: path.join(tmp, 'briefs') });
        assert.match(stale.stderr, /1 baseline entry no longer occurs \(fixed or changed: 1 in briefs\/a\.md\)/);
      });
    }

    it('warns when no file of the baseline was checked (a baseline moved to another folder) instead of hiding nothing in silence', () => {
      fs.writeFileSync(path.join(tmp, 'a.md'), example('bad-date.md'));
      runCli(['check', '--write-baseline', 'baseline.json', 'a.md'], { cwd: tmp });
      fs.mkdirSync(path.join(tmp, 'ci'));
      fs.renameSync(path.join(tmp, 'baseline.json'), path.join(tmp, 'ci', 'baseline.json'));
      const moved = runCli(['check', '--baseline', 'ci/baseline.json', 'a.md'], { cwd: tmp });
      assert.equal(moved.status, 1);
      assert.match(moved.stderr, /warning: no file of the baseline ci\/baseline\.json was checked — its paths are relative to ci;/);
      const inPlace = runCli(['check', '--baseline', 'ci/baseline.json', 'ci/../a.md'], { cwd: tmp });
      assert.match(inPlace.stderr, /warning: no file of the baseline/, 'still the wrong folder');
    });

    it('a file that is not a baseline is a usage error (exit 2)', () => {
      fs.writeFileSync(path.join(tmp, 'a.md'), example('bad-date.md'));
      fs.writeFileSync(path.join(tmp, 'baseline.json'), '{"findings": 3}');
      const result = runCli(['check', '--baseline', 'baseline.json', 'a.md'], { cwd: tmp });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /baseline\.json is not a Policy Brief baseline/);
    });
  });

  describe('--changed-since', () => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: tmp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

    it('reports findings only on lines changed since the ref, and all of a new file', () => {
      fs.writeFileSync(path.join(tmp, 'old.md'), example('unknown-issuing-body.md'));
      fs.writeFileSync(path.join(tmp, 'untouched.md'), example('bad-date.md'));
      git('init', '-q', '-b', 'main');
      git('add', '.');
      git('commit', '-q', '-m', 'archive');
      // An edit: a new mistake on one line of old.md, plus two lines above (the old findings move).
      const edited = example('unknown-issuing-body.md').replace(/^(# .*\r?\n)/m, '$1\nOne.\n').replace(/Date: (.*)$/m, 'Date: 2023-13-45');
      fs.writeFileSync(path.join(tmp, 'old.md'), edited);
      fs.writeFileSync(path.join(tmp, 'new.md'), example('bad-date.md'));
      const all = findingsOf(runCli(['check', '--format', 'json', '.'], { cwd: tmp }).stdout);
      const result = runCli(['check', '--changed-since', 'main', '--format', 'json', '.'], { cwd: tmp });
      const reported = findingsOf(result.stdout);
      const dateLine = edited.split('\n').findIndex((l) => l.startsWith('Date: 2023-13-45')) + 1;
      assert.deepEqual(reported.filter((f) => f.path === 'old.md').map((f) => [f.line, f.ruleId]), [[dateLine, 'date.invalid']]);
      assert.deepEqual(reported.filter((f) => f.path === 'new.md'), all.filter((f) => f.path === 'new.md'));
      assert.ok(all.some((f) => f.path === 'untouched.md'));
      assert.equal(reported.filter((f) => f.path === 'untouched.md').length, 0);
      assert.equal(result.status, 1);
    });

    it('finds the changed lines of files named with spaces, quotes and Chinese, whatever diff.mnemonicPrefix says', () => {
      const names = ['old brief.md', 'say "hi".md', '简报 一.md', 'plain.md'];
      fs.mkdirSync(path.join(tmp, 'briefs'));
      for (const name of names) fs.writeFileSync(path.join(tmp, 'briefs', name), example('unknown-issuing-body.md'));
      git('init', '-q', '-b', 'main');
      git('add', '.');
      git('commit', '-q', '-m', 'archive');
      const edited = example('unknown-issuing-body.md').replace(/Date: (.*)$/m, 'Date: 2023-13-45');
      for (const name of names) fs.writeFileSync(path.join(tmp, 'briefs', name), edited);
      const dateLine = edited.split('\n').findIndex((l) => l.startsWith('Date: 2023-13-45')) + 1;
      const expected = names.map((name) => [path.join('briefs', name), dateLine, 'date.invalid']).sort();
      const reported = () => findingsOf(runCli(['check', '--changed-since', 'main', '--format', 'json', 'briefs'], { cwd: tmp }).stdout).map((f) => [f.path, f.line, f.ruleId]).sort();
      assert.deepEqual(reported(), expected);
      git('config', 'diff.mnemonicPrefix', 'true');
      assert.deepEqual(reported(), expected, 'with diff.mnemonicPrefix (i/ w/ prefixes)');
      git('config', 'diff.noprefix', 'true');
      assert.deepEqual(reported(), expected, 'with diff.noprefix');
    });

    it('with a baseline: applies it to whole files before narrowing to changed lines; refuses to write one', () => {
      fs.writeFileSync(path.join(tmp, 'old.md'), example('unknown-issuing-body.md'));
      git('init', '-q', '-b', 'main');
      git('add', '.');
      git('commit', '-q', '-m', 'archive');
      runCli(['check', '--write-baseline', 'baseline.json', 'old.md'], { cwd: tmp });
      assert.ok(JSON.parse(read(path.join(tmp, 'baseline.json'))).findings.length > 0);
      fs.writeFileSync(path.join(tmp, 'old.md'), example('unknown-issuing-body.md').replace(/Date: (.*)$/m, 'Date: 2023-13-45'));
      const result = runCli(['check', '--changed-since', 'main', '--baseline', 'baseline.json', '--format', 'json', 'old.md'], { cwd: tmp });
      // The recorded findings on unchanged lines are known, not stale; only the new date finding is reported.
      assert.doesNotMatch(result.stderr, /no longer occur/);
      assert.deepEqual(findingsOf(result.stdout).map((f) => f.ruleId), ['date.invalid']);
      const write = runCli(['check', '--changed-since', 'main', '--write-baseline', 'b2.json', 'old.md'], { cwd: tmp });
      assert.equal(write.status, 2);
      assert.match(write.stderr, /--write-baseline records the findings of all files: run it without --changed-since/);
    });

    it('exits 2 with a clear message for an unknown ref and outside a git repository', () => {
      fs.writeFileSync(path.join(tmp, 'a.md'), example('bad-date.md'));
      const outside = runCli(['check', '--changed-since', 'main', 'a.md'], { cwd: tmp, env: { GIT_CEILING_DIRECTORIES: path.dirname(tmp) } });
      assert.equal(outside.status, 2);
      assert.match(outside.stderr, /--changed-since needs a git repository/);
      git('init', '-q', '-b', 'main');
      const unknown = runCli(['check', '--changed-since', 'no-such-branch', 'a.md'], { cwd: tmp });
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /git does not know the ref 'no-such-branch'/);
    });
  });

  describe('--cache', () => {
    /** Marks every cached finding's message, so that a hit shows in the output. */
    function markCache(file: string): void {
      const cache = JSON.parse(read(file));
      for (const entry of Object.values(cache.entries) as { findings: { message: string }[] }[]) for (const f of entry.findings) f.message = `CACHED ${f.message}`;
      fs.writeFileSync(file, JSON.stringify(cache));
    }
    /** The files' own findings: the cache keeps them. Archive findings compare the briefs with each other and are computed on every run. */
    const ownFindings = (stdout: string) => findingsOf(stdout).filter((f) => !f.ruleId.startsWith('archive.'));
    const messages = (stdout: string) => ownFindings(stdout).map((f) => f.message);

    it('re-uses results of unchanged files and re-checks on a change of content, configuration or tool version', () => {
      fs.writeFileSync(path.join(tmp, 'a.md'), example('bad-date.md'));
      fs.writeFileSync(path.join(tmp, 'b.md'), example('unknown-issuing-body.md'));
      fs.mkdirSync(path.join(tmp, '.git'));
      const args = ['check', '--cache', '--cache-location', 'cache/pb.json', '--format', 'json', 'a.md', 'b.md'];
      const first = runCli(args, { cwd: tmp });
      const cacheFile = path.join(tmp, 'cache', 'pb.json');
      assert.ok(fs.existsSync(cacheFile));
      markCache(cacheFile);
      const hit = runCli(args, { cwd: tmp });
      assert.equal(hit.status, first.status);
      assert.ok(messages(hit.stdout).every((m) => m.startsWith('CACHED ')), hit.stdout);
      // The two briefs share topics: the archive finding is there, fresh, on a cache hit too.
      assert.ok(findingsOf(hit.stdout).some((f) => f.ruleId === 'archive.duplicate-headline' && !f.message.startsWith('CACHED ')), hit.stdout);

      // Content: b.md edited -> b.md re-checked, a.md still from the cache.
      fs.appendFileSync(path.join(tmp, 'b.md'), '\n');
      const content = ownFindings(runCli(args, { cwd: tmp }).stdout);
      assert.ok(content.filter((f) => f.path === 'a.md').every((f) => f.message.startsWith('CACHED ')));
      assert.ok(content.filter((f) => f.path === 'b.md').every((f) => !f.message.startsWith('CACHED ')));

      // Configuration: a team schema appears -> everything re-checked (and the date rule is now a warning).
      markCache(cacheFile);
      fs.mkdirSync(path.join(tmp, '.policy-brief'));
      fs.writeFileSync(path.join(tmp, '.policy-brief', 'issue-schema.yaml'), 'schemaVersion: 1\nextends: default\nrules:\n  date.invalid: warning\n');
      const config = runCli(args, { cwd: tmp });
      assert.ok(messages(config.stdout).every((m) => !m.startsWith('CACHED ')));
      assert.ok(findingsOf(config.stdout).some((f) => f.ruleId === 'date.invalid'));
      assert.ok((JSON.parse(config.stdout) as { findings: { ruleId: string; severity: string }[] }[]).flatMap((r) => r.findings).filter((f) => f.ruleId === 'date.invalid').every((f) => f.severity === 'warning'));
      // ...and edited again -> re-checked again.
      markCache(cacheFile);
      fs.writeFileSync(path.join(tmp, '.policy-brief', 'issue-schema.yaml'), 'schemaVersion: 1\nextends: default\nrules:\n  date.invalid: off\n');
      const edited = runCli(args, { cwd: tmp });
      assert.ok(messages(edited.stdout).every((m) => !m.startsWith('CACHED ')));
      assert.ok(!findingsOf(edited.stdout).some((f) => f.ruleId === 'date.invalid'));

      // Tool version: a cache written by another version is ignored.
      markCache(cacheFile);
      const cache = JSON.parse(read(cacheFile));
      cache.version = '0.0.1-older';
      fs.writeFileSync(cacheFile, JSON.stringify(cache));
      const version = runCli(args, { cwd: tmp });
      assert.ok(messages(version.stdout).length > 0 && messages(version.stdout).every((m) => !m.startsWith('CACHED ')));
      assert.notEqual(JSON.parse(read(cacheFile)).version, '0.0.1-older', 'rewritten for this version');
    });

    it('stores nothing for a file that cannot be checked', () => {
      fs.writeFileSync(path.join(tmp, 'bin.md'), Buffer.from([0, 1, 2]));
      const result = runCli(['check', '--cache', 'bin.md'], { cwd: tmp });
      assert.equal(result.status, 1);
      assert.match(result.stdout, /1 error\(s\)/, 'the binary file counts as an error in the summary');
      const cache = fs.existsSync(path.join(tmp, '.policy-brief-cache')) ? JSON.parse(read(path.join(tmp, '.policy-brief-cache'))) : { entries: {} };
      assert.deepEqual(cache.entries, {});
    });
  });

  describe('configuration mistakes and small things', () => {
    it('an unknown rule id in the team schema: schema-violation at the key with a suggestion, exit 2', () => {
      fs.mkdirSync(path.join(tmp, '.git'));
      fs.mkdirSync(path.join(tmp, '.policy-brief'));
      fs.writeFileSync(path.join(tmp, '.policy-brief', 'issue-schema.yaml'), 'schemaVersion: 1\nextends: default\nrules:\n  date.invlid: off\n');
      fs.writeFileSync(path.join(tmp, 'a.md'), example('bad-date.md'));
      const result = runCli(['check', '--no-color', 'a.md'], { cwd: tmp });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /4:3 +error +Unknown rule id 'date\.invlid' under rules\. Did you mean 'date\.invalid'\?/);
    });

    it("docsBaseUrl in the team schema: rule pages link to the team's site", () => {
      fs.mkdirSync(path.join(tmp, '.git'));
      fs.mkdirSync(path.join(tmp, '.policy-brief'));
      fs.writeFileSync(path.join(tmp, '.policy-brief', 'issue-schema.yaml'), 'schemaVersion: 1\nextends: default\ndocsBaseUrl: https://wiki.example.org/pb/rules\n');
      fs.writeFileSync(path.join(tmp, 'a.md'), example('bad-date.md'));
      const log = JSON.parse(runCli(['check', '--format', 'sarif', 'a.md'], { cwd: tmp }).stdout);
      const rule = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'date.invalid');
      assert.equal(rule.helpUri, 'https://wiki.example.org/pb/rules/date.invalid.md');
    });

    it('a binary catalogue given on the command line: one line, exit 2', () => {
      fs.writeFileSync(path.join(tmp, 'bodies.yaml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x00, 0x1b, 0x5b]));
      fs.writeFileSync(path.join(tmp, 'a.md'), example('bad-date.md'));
      const result = runCli(['check', '--issuing-bodies', 'bodies.yaml', 'a.md'], { cwd: tmp });
      assert.equal(result.status, 2);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.match(result.stderr, /bodies\.yaml looks binary/);
      assert.doesNotMatch(result.stderr, /\x1b|\u0000/);
    });

    it('--max-warnings says why it failed; --quiet says how many findings it hid', () => {
      fs.writeFileSync(path.join(tmp, 'a.md'), example('unknown-issuing-body.md'));
      const json = JSON.parse(runCli(['check', '--format', 'json', 'a.md'], { cwd: tmp }).stdout) as { findings: { severity: string }[] }[];
      const warnings = json[0].findings.filter((f) => f.severity === 'warning').length;
      const others = json[0].findings.filter((f) => f.severity !== 'error').length;
      assert.ok(warnings > 0);
      const max = runCli(['check', '--max-warnings', '0', 'a.md'], { cwd: tmp });
      assert.equal(max.status, 1);
      assert.match(max.stderr, new RegExp(`${warnings} warning\\(s\\), more than --max-warnings 0 allows`));
      const quiet = runCli(['check', '--quiet', 'a.md'], { cwd: tmp });
      assert.match(quiet.stdout, new RegExp(`${others} non-error finding\\(s\\) hidden \\(--quiet shows errors only\\)`));
    });

    it('--fix on standard input prints the fixed text', () => {
      const input = example('bad-date.md');
      const result = runCli(['check', '--fix', '-'], { input });
      assert.equal(result.stdout, input.replace('Date: 2023-04-14', 'Date: April 14, 2023'));
      assert.match(result.stderr, /February 30, 2023/, 'what cannot be fixed is reported on stderr');
      assert.equal(result.status, 1);
    });

    it('-v prints the version like -V', () => {
      const version = (JSON.parse(read(path.join(repoRoot, 'package.json'))) as { version: string }).version;
      assert.equal(runCli(['-v']).stdout.trim(), version);
      assert.equal(runCli(['-V']).stdout.trim(), version);
    });

    it('rules <id> prints the rule page; an unknown id suggests the nearest', () => {
      const page = runCli(['rules', 'date.invalid']);
      assert.equal(page.status, 0);
      assert.equal(page.stdout, read(path.join(repoRoot, 'docs', 'rules', 'date.invalid.md')));
      const unknown = runCli(['rules', 'date.invald']);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /Unknown rule 'date\.invald'\. Did you mean 'date\.invalid'\?/);
    });
  });
});
