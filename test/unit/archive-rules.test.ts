/**
 * Archive-rule fixtures: each `test/archive-rules/<rule-id>/` folder, and `examples/archive/`,
 * is checked as one archive; every brief must report exactly its `<!-- expect: … -->` markers
 * (its own findings plus the archive findings), on LF, CRLF and BOM variants.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ArchiveIndex, archiveRules, checkArchive, checkBrief, compareFindings, indexBrief, loadIssueSchema, type Finding } from '../../server/core/src/index';
import { loadConfig } from '../../server/src/config/projectConfig';
import { actualFindings, defaultConfig, expectedFindings, lineEndingVariants, read, repoRoot } from '../support/config';

const fixtureRoot = path.join(repoRoot, 'test', 'archive-rules');
const folders = fs.readdirSync(fixtureRoot, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

/** Checks the `.md` files of `dir` as one archive with `config`; returns the findings per file. */
function checkFolder(dir: string, variant: (text: string) => string, config = defaultConfig().config): Map<string, { text: string; findings: Finding[] }> {
  const index = new ArchiveIndex();
  const results = new Map<string, { text: string; findings: Finding[] }>();
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const text = variant(read(path.join(dir, name)));
    const check = checkBrief(text, config);
    index.set(indexBrief(name, check.model, check.lineIndex, { dateFormat: config.schema.topic.citation.dateFormat, catalogue: config.catalogue }));
    results.set(name, { text, findings: check.findings });
  }
  for (const [name, result] of results) result.findings = [...result.findings, ...checkArchive(index, name, config)].sort(compareFindings);
  return results;
}

describe('archive rule fixtures', () => {
  it('every archive rule has a fixture folder and every folder names an archive rule', () => {
    assert.deepEqual(folders.sort(), archiveRules.map((r) => r.id).sort());
  });

  const cases = [...folders.map((f) => path.join(fixtureRoot, f)), path.join(repoRoot, 'examples', 'archive')];
  for (const dir of cases) {
    describe(path.relative(repoRoot, dir), () => {
      const config = dir.includes('examples') ? loadConfig(path.join(dir, '.policy-brief')).config : defaultConfig().config;
      for (const [index, variant] of lineEndingVariants('').entries()) {
        it(`reports exactly the marked findings in every brief (${variant.name})`, () => {
          const convert = (text: string) => lineEndingVariants(text)[index].text;
          for (const [name, { text, findings }] of checkFolder(dir, convert, config)) {
            assert.deepEqual(actualFindings(findings), expectedFindings(text), `${name}:\n${findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`).join('\n')}`);
            for (const f of findings) for (const r of f.related ?? []) assert.ok(r.uri && r.uri !== name, 'related locations point into other briefs');
          }
        });
      }
    });
  }

  it('messages about one other brief agree in number ("1 other brief, which uses", "gives", "dates")', () => {
    const messagesOf = (rule: string, names: string[]) => {
      const dir = path.join(fixtureRoot, rule);
      const config = defaultConfig().config;
      const index = new ArchiveIndex();
      for (const name of names) {
        const check = checkBrief(read(path.join(dir, name)), config);
        index.set(indexBrief(name, check.model, check.lineIndex, { dateFormat: config.schema.topic.citation.dateFormat, catalogue: config.catalogue }));
      }
      return names.flatMap((name) => checkArchive(index, name, config).filter((f) => f.ruleId === rule).map((f) => f.message));
    };
    const rendering = messagesOf('archive.rendering-mismatch', ['a.md', 'c.md']);
    assert.ok(rendering.length > 0 && rendering.every((m) => /differently from 1 other brief, which uses '/.test(m)), rendering.join('\n'));
    const details = messagesOf('archive.details-mismatch', ['a.md', 'c.md']);
    assert.ok(details.some((m) => /; 1 other brief dates this document '/.test(m)), details.join('\n'));
    assert.ok(details.every((m) => !/1 other brief (date|give|use)\b/.test(m)), details.join('\n'));
  });

  it('a severity in the team schema applies, and off turns a rule off', () => {
    const dir = path.join(fixtureRoot, 'archive.rendering-mismatch');
    const base = defaultConfig().config;
    const schemaFor = (severity: string) => {
      const loaded = loadIssueSchema({ path: 'default', text: read(path.join(repoRoot, 'data', 'issue-schemas', 'default.yaml')) }, JSON.parse(read(path.join(repoRoot, 'schemas', 'issue-schema.schema.json'))), { path: 'team.yaml', text: `schemaVersion: 1\nextends: default\nrules:\n  archive.rendering-mismatch: ${severity}\n` });
      return loaded.schema;
    };
    const errors = checkFolder(dir, (t) => t, { ...base, schema: schemaFor('error') }).get('c.md')!.findings.filter((f) => f.ruleId === 'archive.rendering-mismatch');
    assert.deepEqual(errors.map((f) => f.severity), ['error']);
    const off = checkFolder(dir, (t) => t, { ...base, schema: schemaFor('off') }).get('c.md')!.findings.filter((f) => f.ruleId.startsWith('archive.'));
    assert.deepEqual(off, []);
  });
});
