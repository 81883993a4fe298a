/**
 * Fixture-driven rule tests (markdownlint style): every `test/rules/<rule-id>/*.md` file and
 * every brief under `examples/` carries `<!-- expect: rule.id -->` markers on the lines where
 * findings start; the check must report exactly those, on LF, CRLF and BOM variants, and fixing
 * all preferred fixes must leave no fixable finding behind.
 *
 * A fixture `<name>.md` with a sibling `<name>.schema.yaml` is checked with that issue schema (a
 * team file: `extends: default` or not) instead of the bundled default: the fixtures of schema
 * constructs other publications need (unlabelled parts, `max: null` …).
 *
 * Each fixture also has a committed snapshot (as markdownlint's scenario snapshots):
 * `test/rules/__snapshots__/<rule-id>/<fixture>.md.json` (`…/examples/…` for the example briefs) pins every finding's range, severity and message
 * and the text after all preferred fixes. A missing or different snapshot fails; snapshots are
 * written only with `UPDATE_SNAPSHOTS=1 npx mocha test/rules/fixtures.test.ts` (review the diff).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, checkBrief, preferredFixEdits, rules, looksLikeBrief, type Finding } from '../../server/core/src/index';
import { findTeamFolder, loadConfig } from '../../server/src/config/projectConfig';
import { actualFindings, defaultConfig, expectedFindings, lineEndingVariants, read, repoRoot } from '../support/config';

function fixtureFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => path.join(dir, f)).sort();
}

const ruleDirs = fs.readdirSync(path.join(repoRoot, 'test', 'rules'), { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('__')).map((d) => d.name);
const snapshotRoot = path.join(repoRoot, 'test', 'rules', '__snapshots__');
const updateSnapshots = process.env.UPDATE_SNAPSHOTS === '1';
/** Snapshot files of the fixtures seen (to find stale ones). */
const snapshotsInUse = new Set<string>();
const exampleFiles = fixtureFiles(path.join(repoRoot, 'examples')).filter((f) => looksLikeBrief(read(f)));

describe('rule fixtures', () => {
  it('every rule has a fixture folder and every folder names a rule', () => {
    const ids = rules.map((r) => r.id).sort();
    assert.deepEqual(ruleDirs.filter((d) => !ids.includes(d)), [], 'fixture folders without a rule');
    assert.deepEqual(ids.filter((id) => !ruleDirs.includes(id)), [], 'rules without fixtures');
  });

  for (const dir of ruleDirs) {
    for (const file of fixtureFiles(path.join(repoRoot, 'test', 'rules', dir))) {
      describeFixture(path.relative(repoRoot, file), read(file), dir);
    }
  }
  for (const file of exampleFiles) describeFixture(path.relative(repoRoot, file), read(file));

  it('every snapshot belongs to a fixture', () => {
    const stale = fixtureSnapshots(snapshotRoot).filter((file) => !snapshotsInUse.has(file));
    if (updateSnapshots) for (const file of stale) fs.rmSync(file);
    else assert.deepEqual(stale.map((f) => path.relative(repoRoot, f)), [], 'snapshots without a fixture (delete them, or run with UPDATE_SNAPSHOTS=1)');
  });
});

function fixtureSnapshots(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f)).sort();
}

/** What a fixture's snapshot pins: each finding (1-based line:column range, severity, rule, message) and the fixed text. */
interface Snapshot {
  findings: string[];
  /** The LF text after applying all preferred fixes, as lines; null when no preferred fix applies. */
  fixed: string[] | null;
}

function snapshotOf(lf: string, findings: Finding[]): Snapshot {
  const at = (p: { line: number; character: number }) => `${p.line + 1}:${p.character + 1}`;
  const fixed = applyEdits(lf, preferredFixEdits(findings)).text;
  return {
    findings: findings.map((f) => `${at(f.range.start)}-${at(f.range.end)} ${f.severity} ${f.ruleId}: ${f.message}`),
    fixed: fixed === lf ? null : fixed.split('\n'),
  };
}

/**
 * The configuration a fixture is checked with: its sibling `<name>.schema.yaml`; else, for an
 * example brief, the team folder the CLI finds for it (`examples/publications/<name>/.policy-brief/`);
 * else the bundled default.
 */
function fixtureConfig(name: string): ReturnType<typeof defaultConfig> {
  const schemaPath = path.join(repoRoot, name.replace(/\.md$/, '.schema.yaml'));
  const teamFolder = name.startsWith(`examples${path.sep}`) ? findTeamFolder(path.dirname(path.join(repoRoot, name))) : undefined;
  if (!fs.existsSync(schemaPath) && !teamFolder) return defaultConfig();
  const loaded = fs.existsSync(schemaPath) ? loadConfig(undefined, { schemaPath }) : loadConfig(teamFolder);
  assert.deepEqual(loaded.files.flatMap((f) => f.findings.map((x) => x.message)), [], `${schemaPath} has problems`);
  return loaded;
}

function describeFixture(name: string, original: string, ruleId?: string): void {
  const config = fixtureConfig(name).config;
  describe(name, () => {
    // Archive findings (`archive.*`) need the other briefs of the archive: test/unit/archive-rules.test.ts checks those markers.
    const expected = expectedFindings(original).filter((e) => !e.ruleId.startsWith('archive.'));
    if (ruleId) {
      it(`marks at least one ${ruleId} finding (or is a no-finding fixture named valid-*)`, () => {
        assert.ok(expected.some((e) => e.ruleId === ruleId) || path.basename(name).startsWith('valid'), `${name} has no marker for ${ruleId}`);
      });
    }
    const lf = lineEndingVariants(original)[0].text;
    const reference = checkBrief(lf, config).findings;
    const snapshotFile = path.join(snapshotRoot, `${name.split(path.sep).join('/').replace(/^test\/rules\//, '')}.json`);
    snapshotsInUse.add(snapshotFile);
    it(`matches its snapshot: messages and fixed text (${path.relative(repoRoot, snapshotFile)})`, () => {
      const actual = snapshotOf(lf, reference);
      if (updateSnapshots) {
        fs.mkdirSync(path.dirname(snapshotFile), { recursive: true });
        fs.writeFileSync(snapshotFile, `${JSON.stringify(actual, null, 2)}\n`);
        return;
      }
      assert.ok(fs.existsSync(snapshotFile), `no snapshot ${path.relative(repoRoot, snapshotFile)}: run UPDATE_SNAPSHOTS=1 npx mocha test/rules/fixtures.test.ts and review it`);
      assert.deepEqual(actual, JSON.parse(read(snapshotFile)) as Snapshot);
    });
    for (const variant of lineEndingVariants(original)) {
      it(`reports exactly the marked findings (${variant.name})`, () => {
        const { findings } = checkBrief(variant.text, config);
        assert.deepEqual(actualFindings(findings), expected, findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`).join('\n'));
        // Same columns on every variant: only the BOM shifts line 0 by one code unit.
        const shift = (line: number) => (variant.text.startsWith('\uFEFF') && line === 0 ? 1 : 0);
        findings.forEach((f, i) => {
          const r = reference[i];
          assert.equal(f.range.start.character, r.range.start.character + shift(r.range.start.line), `start column of ${f.ruleId}`);
          assert.equal(f.range.end.character, r.range.end.character + shift(r.range.end.line), `end column of ${f.ruleId}`);
          // Ranges never split a CRLF pair and lie inside the text.
          for (const p of [f.range.start, f.range.end]) {
            assert.ok(p.offset >= 0 && p.offset <= variant.text.length);
            assert.ok(!(variant.text[p.offset - 1] === '\r' && variant.text[p.offset] === '\n'), 'position splits CRLF');
          }
        });
      });
    }
    it('applying all preferred fixes leaves no fixable finding and keeps line endings', () => {
      for (const variant of lineEndingVariants(original)) {
        const { findings } = checkBrief(variant.text, config);
        const fixed = applyEdits(variant.text, preferredFixEdits(findings)).text;
        const after = checkBrief(fixed, config).findings;
        assert.deepEqual(after.filter((f) => f.fixes?.some((x) => x.isPreferred)).map((f) => `${f.ruleId}@${f.range.start.line + 1}`), [], `${variant.name}: fixable findings remain`);
        if (variant.name.includes('CRLF')) assert.ok(!/[^\r]\n/.test(fixed), `${variant.name}: a fix introduced a bare LF`);
        else assert.ok(!fixed.includes('\r'), `${variant.name}: a fix introduced CR`);
      }
    });
  });
}
