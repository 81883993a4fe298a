/** Loading issue schemas: the bundled default, team files with `extends`, and findings located in the YAML. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { archiveRules, checkBrief, citationDay, readCitationDate, loadIssueSchema, parseBrief, rules, type Finding, type SchemaSource } from '../../server/core/src/index';
import { defaultConfig } from '../support/config';
import { loadConfig } from '../../server/src/config/projectConfig';
import { bundledSchema, bundledSchemaNames } from '../../server/src/config/bundledSchemas';
import { schemaPatternLocations, schemaPatternProblems } from '../../server/core/src/schema/schemaPatterns';
import { read, repoRoot } from '../support/config';

const defaultSource: SchemaSource = { path: 'data/issue-schemas/default.yaml', text: read(path.join(repoRoot, 'data', 'issue-schemas', 'default.yaml')) };
const jsonSchema = JSON.parse(read(path.join(repoRoot, 'schemas', 'issue-schema.schema.json'))) as object;
const defaults = loadIssueSchema(defaultSource, jsonSchema).schema;

/** Loads `text` as the team file `/team/.policy-brief/issue-schema.yaml`; `others` are files `extends` may name. */
function loadTeam(text: string, others: Record<string, string> = {}) {
  return loadIssueSchema(defaultSource, jsonSchema, { path: '/team/.policy-brief/issue-schema.yaml', text }, (from, reference) => {
    const file = path.posix.resolve(path.posix.dirname(from), reference);
    return others[file] === undefined ? undefined : { path: file, text: others[file] };
  });
}

/** `line:character-line:character` (0-based) of a finding, for compact assertions. */
function where(finding: Finding): string {
  const { start, end } = finding.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

describe('loadIssueSchema', () => {
  it('loads the bundled default without findings', () => {
    const loaded = loadIssueSchema(defaultSource, jsonSchema);
    assert.equal(loaded.fellBack, false);
    assert.deepEqual(loaded.files, []);
    assert.equal(loaded.schema.schemaVersion, 1);
    assert.deepEqual(loaded.schema.topic.parts.map((p) => p.id), ['at-a-glance', 'comment']);
    assert.deepEqual(loaded.schema.topic.citation.fields.map((f) => f.label), ['Article', 'Issuing bodies', 'Date', 'Document number']);
    // The document number (发文字号) is optional: a citation without one is complete.
    assert.equal(loaded.schema.topic.citation.fields.find((f) => f.id === 'document-number')?.required, false);
    assert.equal(loaded.schema.issue.topics.max, 5);
  });

  it('throws when the bundled default itself is invalid (a packaging bug)', () => {
    assert.throws(() => loadIssueSchema({ path: 'broken.yaml', text: 'schemaVersion: 2\n' }, jsonSchema), /bundled issue schema broken\.yaml is invalid/);
  });

  it('merges a team file with `extends: default` part by part, by id', () => {
    const loaded = loadTeam([
      'schemaVersion: 1',
      'extends: default',
      'name: Our brief',
      'topic:',
      '  parts:',
      '    - id: comment',
      '      label: Our take',
      '    - id: outlook',
      '      label: Outlook',
      '      required: false',
      'rules:',
      '  structure.word-limit: "off"',
      '',
    ].join('\n'));
    assert.deepEqual(loaded.files, [{ path: '/team/.policy-brief/issue-schema.yaml', findings: [] }]);
    assert.equal(loaded.fellBack, false);
    const { schema } = loaded;
    assert.equal(schema.name, 'Our brief');
    assert.deepEqual(schema.topic.parts.map((p) => [p.id, p.label]), [['at-a-glance', 'At a glance'], ['comment', 'Our take'], ['outlook', 'Outlook']]);
    const comment = schema.topic.parts.find((p) => p.id === 'comment')!;
    assert.equal(comment.required, true, 'fields not given keep the default');
    assert.equal(comment.maxWords, 400);
    assert.deepEqual(schema.topic.citation, defaults.topic.citation);
    assert.equal(schema.rules['structure.word-limit'], 'off');
    assert.equal((schema as unknown as Record<string, unknown>).extends, undefined);
  });

  it('without `extends`, lists given replace the default lists', () => {
    const loaded = loadTeam('schemaVersion: 1\ntopic:\n  parts:\n    - id: summary\n      label: Summary\n      required: true\n');
    assert.deepEqual(loaded.schema.topic.parts.map((p) => p.id), ['summary']);
    assert.equal(loaded.schema.issue.topics.max, 5, 'scalars left out keep the default');
  });

  it('follows `extends` to another file relative to the team file', () => {
    const loaded = loadTeam('schemaVersion: 1\nextends: ../shared/base.yaml\nname: Team\n', {
      '/team/shared/base.yaml': 'schemaVersion: 1\nextends: default\nissue:\n  topics:\n    max: 8\n',
    });
    assert.equal(loaded.fellBack, false);
    assert.deepEqual(loaded.files.map((f) => f.path), ['/team/.policy-brief/issue-schema.yaml', '/team/shared/base.yaml']);
    assert.equal(loaded.schema.issue.topics.max, 8);
    assert.equal(loaded.schema.name, 'Team');
  });

  it('reports invalid YAML at its line and character and falls back to the default', () => {
    const loaded = loadTeam('schemaVersion: 1\nname: 中文 🚀\nrules: {}\n🚀name: x\nname: again\n');
    assert.equal(loaded.fellBack, true);
    assert.deepEqual(loaded.schema, defaults);
    const findings = loaded.files[0].findings;
    assert.ok(findings.length >= 1);
    assert.ok(findings.every((f) => f.ruleId === 'schema.invalid-yaml' && f.severity === 'error'));
    assert.equal(findings[0].range.start.line, 4, 'the repeated key');
    assert.equal(findings[0].range.start.character, 0);
    assert.match(findings[0].message, /unique/);
  });

  it('reports an unclosed bracket or quote on its own line, not on a later one', () => {
    for (const [text, line, opener] of [
      ['schemaVersion: 1\nname: [Broken\nrules:\n  a: 1\n', 1, '['],
      ['schemaVersion: 1\nname: "unclosed\nrules: {}\n', 1, '"'],
      ['schemaVersion: 1\nrules: {\nname: x\n', 1, '{'],
    ] as const) {
      const [finding] = loadTeam(text).files[0].findings;
      assert.equal(finding.ruleId, 'schema.invalid-yaml');
      assert.equal(finding.range.start.line, line, text);
      assert.equal(finding.range.end.line, line, text);
      assert.equal(text.split('\n')[line][finding.range.start.character], opener, text);
    }
  });

  it('reports JSON Schema violations at the offending value, in UTF-16 columns', () => {
    const text = ['schemaVersion: 1', 'name: 中文🚀', 'issue:', '  topics:', '    max: many', 'topic:', '  citation:', '    chineseTitleParentheses: round', ''].join('\n');
    const loaded = loadTeam(text);
    assert.equal(loaded.fellBack, true);
    const findings = loaded.files[0].findings;
    assert.deepEqual(findings.map((f) => f.ruleId), ['schema.schema-violation', 'schema.schema-violation']);
    const byLine = new Map(findings.map((f) => [f.range.start.line, f]));
    assert.equal(where(byLine.get(4)!), '4:9-4:13');
    assert.equal(where(byLine.get(7)!), '7:29-7:34');
    assert.match(byLine.get(7)!.message, /topic\.citation\.chineseTitleParentheses must be one of: "ascii", "fullwidth"/);
  });

  it('reports an unknown property at its key', () => {
    const loaded = loadTeam('schemaVersion: 1\nissue:\n  colour: red\n');
    const [finding] = loaded.files[0].findings;
    assert.equal(finding.ruleId, 'schema.schema-violation');
    assert.equal(where(finding), '2:2-2:8');
    assert.match(finding.message, /Unknown property 'colour'/);
  });

  it('reports an unknown schemaVersion at its value', () => {
    const loaded = loadTeam('# team schema\nschemaVersion: 2\n');
    assert.equal(loaded.fellBack, true);
    const [finding] = loaded.files[0].findings;
    assert.equal(finding.ruleId, 'schema.schema-violation');
    assert.equal(where(finding), '1:15-1:16');
    assert.match(finding.message, /schemaVersion must be 1/);
  });

  it('reports a missing `extends` target at the `extends` value and falls back', () => {
    const loaded = loadTeam('schemaVersion: 1\r\nextends: ./nowhere.yaml\r\n');
    assert.equal(loaded.fellBack, true);
    assert.deepEqual(loaded.schema, defaults);
    const [finding] = loaded.files[0].findings;
    assert.equal(finding.ruleId, 'schema.missing-file');
    assert.equal(where(finding), '1:9-1:23');
    assert.match(finding.message, /Cannot find the schema '\.\/nowhere\.yaml'/);
  });

  it('reports an `extends` cycle', () => {
    const team = 'schemaVersion: 1\nextends: ../a.yaml\n';
    const loaded = loadTeam(team, { '/team/a.yaml': 'schemaVersion: 1\nextends: ./.policy-brief/issue-schema.yaml\n', '/team/.policy-brief/issue-schema.yaml': team });
    assert.equal(loaded.fellBack, true);
    assert.match(loaded.files[1].findings[0].message, /cycle/);
  });

  it('rejects a file that is not a mapping', () => {
    const loaded = loadTeam('- just\n- a list\n');
    assert.equal(loaded.fellBack, true);
    assert.ok(loaded.files[0].findings.length > 0);
  });

  it('reports an unknown rule id under rules: at its key, with the nearest rule id', () => {
    const text = 'schemaVersion: 1\nextends: default\nrules:\n  date.invalid: warning\n  issuing-body.unknwon: off\n';
    const loaded = loadTeam(text);
    assert.equal(loaded.fellBack, true, 'a typo must not silently disable nothing');
    const findings = loaded.files[0].findings;
    assert.equal(findings.length, 1, JSON.stringify(findings));
    assert.equal(findings[0].ruleId, 'schema.schema-violation');
    assert.match(findings[0].message, /Unknown rule id 'issuing-body\.unknwon' under rules\. Did you mean 'issuing-body\.unknown'\?/);
    assert.equal(where(findings[0]), '4:2-4:22');
  });

  it('lists every registered rule id (brief and archive rules), and only those, as the keys allowed under rules:', () => {
    const properties = (jsonSchema as { properties: { rules: { propertyNames: { enum: string[] } } } }).properties;
    assert.deepEqual([...properties.rules.propertyNames.enum].sort(), [...rules, ...archiveRules].map((rule) => rule.id).sort());
  });

  it('runs with a part and a citation field without `label` (both allowed by the JSON Schema): no crash', () => {
    const loaded = loadTeam([
      'schemaVersion: 1',
      'topic:',
      '  parts:',
      '    - id: lede',
      '      required: true',
      '  citation:',
      '    fields:',
      '      - id: article',
      '      - id: date',
      '        required: true',
      '',
    ].join('\n'));
    assert.deepEqual(loaded.files[0].findings, []);
    // A field without a label takes the default's label for its id.
    assert.deepEqual(loaded.schema.topic.citation.fields.map((f) => f.label), ['Article', 'Date']);
    const text = read(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'));
    const { findings } = checkBrief(text, { schema: loaded.schema, catalogue: defaultConfig().config.catalogue });
    assert.deepEqual(findings.filter((f) => f.ruleId === 'internal.rule-failed'), []);
    // The part without a label is the prose after each topic heading (here the old `**At a glance:**` paragraph, no longer a label).
    assert.ok(!findings.some((f) => f.ruleId === 'structure.missing-part'));
    assert.deepEqual(parseBrief(text, loaded.schema).topics.map((t) => t.parts[0]?.partId), ['lede', 'lede', 'lede', 'lede', 'lede']);
  });

  it('null lifts a limit inherited through `extends` (max: null = no limit), and the JSON Schema accepts it', () => {
    const loaded = loadTeam([
      'schemaVersion: 1',
      'extends: default',
      'issue:',
      '  topics:',
      '    max: null',
      'topic:',
      '  parts:',
      '    - id: at-a-glance',
      '      leadMaxWords: null',
      '      keyPoints: null',
      '',
    ].join('\n'));
    assert.deepEqual(loaded.files[0].findings, []);
    assert.equal(loaded.schema.issue.topics.max, undefined);
    assert.ok(!('max' in loaded.schema.issue.topics), 'no null left in the schema');
    const glance = loaded.schema.topic.parts.find((p) => p.id === 'at-a-glance')!;
    assert.equal(glance.leadMaxWords, undefined);
    assert.equal(glance.keyPoints, undefined);
    assert.equal(glance.required, true, 'the rest of the part is still inherited');
    assert.equal(loaded.schema.issue.topics.min, 1);
  });

  it('a heading pattern that is not a regular expression is a warning at the pattern; the schema stays usable', () => {
    const loaded = loadTeam('schemaVersion: 1\nextends: default\ntopic:\n  heading:\n    pattern: "(?<date>"\n');
    assert.equal(loaded.fellBack, false);
    const [finding] = loaded.files[0].findings;
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /topic\.heading\.pattern is not a valid regular expression/);
    assert.equal(where(finding), '4:13-4:23');
    const text = read(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'));
    assert.equal(parseBrief(text, loaded.schema).topics.some((t) => t.headingCitation), false);
  });

  it('a heading pattern reads the headline, issuing bodies and date from the heading (captures may be written issuing-bodies)', () => {
    const loaded = loadTeam('schemaVersion: 1\nextends: default\ntopic:\n  heading:\n    pattern: "^(?<headline>.+?) \\\\((?<issuing-bodies>[^;]+); (?<date>[^)]+)\\\\)$"\n');
    assert.deepEqual(loaded.files[0].findings, []);
    const [topic] = parseBrief('## 1. 芯片 rules 🚀 (MIIT, NDRC; March 12, 2024)\n\nText.\n', loaded.schema).topics;
    assert.equal(topic.headline.text, '芯片 rules 🚀');
    assert.deepEqual(topic.headingCitation?.issuingBodies?.bodies.map((b) => b.text), ['MIIT', 'NDRC']);
    assert.equal(topic.headingCitation?.date?.value.text, 'March 12, 2024');
    assert.deepEqual(topic.citations, [], 'the heading metadata is not a citation block');
  });

  it('a citation line pattern that is not a regular expression is a warning at that pattern; the other lines still read', () => {
    const loaded = loadTeam([
      'schemaVersion: 1',
      'extends: default',
      'topic:',
      '  citation:',
      '    lines:',
      '      - pattern: "^Source (?<issuing-bodies>.+)$"',
      '      - pattern: "(?<date>"',
      '',
    ].join('\n'));
    assert.equal(loaded.fellBack, false);
    const [finding, ...others] = loaded.files[0].findings;
    assert.deepEqual(others, []);
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /topic\.citation\.lines\[1\]\.pattern is not a valid regular expression/);
    assert.equal(where(finding), '6:17-6:27');
    const [topic] = parseBrief('## 1. Rules\n\nText.\n\nSource MIIT\n(?<date>\n', loaded.schema).topics;
    assert.deepEqual(topic.citations.map((c) => c.issuingBodies?.bodies.map((b) => b.text)), [['MIIT']]);
  });

  it('a capture name that nothing reads is a warning at the pattern (issuing_bodies for issuing-bodies is read)', () => {
    const loaded = loadTeam('schemaVersion: 1\nextends: default\ntopic:\n  citation:\n    lines:\n      - pattern: "^(?<issuer>\\\\w+) (?<issuing_bodies>.+)$"\n');
    assert.deepEqual(loaded.files[0].findings.map((f) => [f.severity, f.message]), [['warning', "topic.citation.lines[0].pattern: nothing reads the capture 'issuer'; the names read are article, chinese-title, issuing-bodies, date, document-number, link."]]);
  });

  it('citation line patterns: captures become fields with exact spans; lines form one block in any order; prose after a pattern line is prose', () => {
    const loaded = loadTeam([
      'schemaVersion: 1',
      'extends: default',
      'topic:',
      '  citation:',
      '    dateFormat: MM.yyyy',
      '    lines:',
      '      - id: source',
      '        pattern: "^Source: (?<issuing-bodies>[^|]+?) \\\\| (?<date>\\\\S+)$"',
      '      - pattern: "^《(?<chinese-title>[^《》]+)》$"',
      '      - pattern: "^Link: (?<link>.+)$"',
      '',
    ].join('\n'));
    assert.deepEqual(loaded.files[0].findings, []);
    const text = '## 1. 芯片 rules 🚀\n\n**At a glance:** Text.\n\nSource: CAC, MIIT | 12.2020\n《数据安全管理办法》\nArticle: Data Security Measures\nLink: [Link](https://example.org/a)\nThe rest is prose.\n';
    const [topic] = parseBrief(text, loaded.schema).topics;
    assert.equal(topic.citations.length, 1);
    const [citation] = topic.citations;
    const at = (s: { start: number; end: number } | undefined) => s && text.slice(s.start, s.end);
    assert.deepEqual(citation.issuingBodies?.bodies.map(at), ['CAC', 'MIIT']);
    assert.equal(at(citation.date?.value), '12.2020');
    assert.equal(citation.date?.captured, true);
    assert.equal(at(citation.article?.parsed.englishTitle), 'Data Security Measures');
    assert.equal(at(citation.article?.parsed.chineseTitle), '数据安全管理办法');
    assert.equal(citation.article?.parsed.separateChineseTitle, true);
    assert.equal(citation.article?.parsed.link?.url, 'https://example.org/a');
    assert.deepEqual(topic.unassigned.map((b) => b.text), ['The rest is prose.']);
    assert.deepEqual(citation.fields.map((f) => f.fieldId), ['issuing-bodies', 'date', 'chinese-title', 'article', 'link']);
  });

  it('month precision (MM.yyyy): other ways of writing the month are rewritten; a day is never invented', () => {
    assert.deepEqual(readCitationDate('12.2020', 'MM.yyyy'), { kind: 'valid', day: Date.UTC(2020, 11, 1) });
    assert.equal((readCitationDate('December 2020', 'MM.yyyy') as { canonical?: string }).canonical, '12.2020');
    assert.equal((readCitationDate('2020-12-03', 'MM.yyyy') as { canonical?: string }).canonical, '12.2020');
    assert.equal(readCitationDate('13.2020', 'MM.yyyy').kind, 'impossible');
    assert.notEqual(readCitationDate('December 2020', 'MMMM d, yyyy').kind, 'other-format');
  });

  it('the bundled schema data/issue-schemas/policy-tracker.yaml loads without findings; the example publication extends it by name', () => {
    const bundled = loadTeam(read(path.join(repoRoot, 'data', 'issue-schemas', 'policy-tracker.yaml')));
    assert.deepEqual(bundled.files[0].findings, []);
    assert.equal(bundled.schema.topic.citation.lines?.length, 3);
    const example = loadConfig(path.join(repoRoot, 'examples', 'publications', 'policy-tracker', '.policy-brief'));
    assert.deepEqual(example.files.flatMap((f) => f.findings), []);
    assert.deepEqual({ ...example.config.schema, name: bundled.schema.name, rules: {} }, bundled.schema, 'the example differs from the bundled schema only in its name and rules');
    assert.equal(example.config.schema.rules['citation.document-type-mismatch'], 'error');
  });

  it('a byline pattern that is not a regular expression is a warning at the pattern; bylines are then checked in the default form', () => {
    const loaded = loadTeam('schemaVersion: 1\nextends: default\nissue:\n  byline:\n    required: true\n    pattern: "(?<x>"\n');
    assert.equal(loaded.fellBack, false);
    const [finding] = loaded.files[0].findings;
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /issue\.byline\.pattern is not a valid regular expression/);
    assert.equal(where(finding), '5:13-5:20');
    assert.match(finding.message, /bylines are found and checked in the default form \('By <name>'\)/);
    const bylineFindings = (text: string) => checkBrief(text, { schema: loaded.schema, catalogue: defaultConfig().config.catalogue }, { rules: rules.filter((r) => r.id === 'structure.byline') }).findings.map((f) => f.message);
    assert.deepEqual(bylineFindings('# Weekly\n\nBy Jane Doe\n\n## 1. Rules\n\nText.\n'), []);
    assert.deepEqual(bylineFindings('# Weekly\n\nby Jane Doe\n\n## 1. Rules\n\nText.\n'), ["Write the byline as 'By <name>' (optionally all in italics or bold): 'by Jane Doe' is not."]);
  });

  it('a pattern that backtracks catastrophically on a backtracking engine reads a long prose line at once (linear-time engine)', () => {
    const loaded = loadTeam([
      'schemaVersion: 1',
      'extends: default',
      'issue:',
      '  byline:',
      '    pattern: "^(\\\\w+\\\\s?)+ by$"',
      'topic:',
      '  heading:',
      '    pattern: "^(\\\\w+\\\\s?)+ (?<date>x)$"',
      '  citation:',
      '    lines:',
      '      - pattern: "^(\\\\w+\\\\s?)+ \\\\| (?<date>.+)$"',
      '',
    ].join('\n'));
    assert.deepEqual(loaded.files[0].findings, []);
    const prose = `${'word '.repeat(20)}is prose!`;
    const started = performance.now();
    const model = parseBrief(`# Weekly\n\n${prose}\n\n## 1. ${prose}\n\n${prose}\n\n${'x'.repeat(40)} | 12.2020\n`, loaded.schema);
    assert.ok(performance.now() - started < 5000, 'read without backtracking');
    assert.equal(model.byline, undefined);
    assert.equal(model.topics[0].headingCitation, undefined);
    assert.deepEqual(model.topics[0].citations.map((c) => c.date?.value.text), ['12.2020']);
  });

  it('a pattern with syntax the linear-time engine lacks (lookbehind, backreference) is a warning naming it; the pattern is unused', () => {
    const loaded = loadTeam('schemaVersion: 1\nextends: default\ntopic:\n  citation:\n    lines:\n      - pattern: "^(?<=x)Source (?<issuing-bodies>.+)$"\n');
    const [finding, ...others] = loaded.files[0].findings;
    assert.deepEqual(others, []);
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /^topic\.citation\.lines\[0\]\.pattern is not a valid regular expression \(.*; patterns run on a linear-time engine without lookaround and backreferences\); no line is read with it\.$/);
    assert.equal(loaded.fellBack, false);
  });

  it('captures are UTF-16 offsets after Chinese text and emoji; \\p{Script=Han} reads as RE2\'s \\p{Han}', () => {
    const loaded = loadTeam('schemaVersion: 1\nextends: default\ntopic:\n  citation:\n    lines:\n      - pattern: "^\\\\p{Script=Han}+ 🚀 (?<issuing-bodies>[^|]+?) \\\\| (?<date>\\\\S+)$"\n');
    assert.deepEqual(loaded.files[0].findings, []);
    const text = '## 1. Rules\n\nText.\n\n来源 🚀 CAC | 12.2020\n';
    const [citation] = parseBrief(text, loaded.schema).topics[0].citations;
    assert.deepEqual(citation.issuingBodies?.bodies.map((b) => text.slice(b.start, b.end)), ["CAC"]);
    assert.equal(citation.date?.value.text, '12.2020');
  });

  it('citation lines under extends: a list whose entries all have ids adds to the inherited lines; an entry without id makes the list replace them', () => {
    const resolver = { bundledNames: bundledSchemaNames(), bundled: bundledSchema };
    const load = (lines: string) => loadIssueSchema(defaultSource, jsonSchema, { path: '/team/.policy-brief/issue-schema.yaml', text: `schemaVersion: 1\nextends: policy-tracker\ntopic:\n  citation:\n    lines:\n${lines}` }, resolver);
    const withIds = load('      - id: category\n        pattern: "^Category \\\\| .+$"\n      - id: source\n        pattern: "^Source (?<issuing-bodies>.+)$"\n');
    assert.deepEqual(withIds.files[0].findings, []);
    assert.deepEqual(withIds.schema.topic.citation.lines?.map((l) => l.id), ['category', 'issuer-month', 'chinese-title', 'source']);
    assert.equal(withIds.schema.topic.citation.lines?.[0].pattern, '^Category \\| .+$', 'the same id replaces the inherited line');
    const withoutId = load('      - id: category\n        pattern: "^Category \\\\| .+$"\n      - pattern: "^Source (?<issuing-bodies>.+)$"\n');
    assert.deepEqual(withoutId.schema.topic.citation.lines?.map((l) => l.pattern), ['^Category \\| .+$', '^Source (?<issuing-bodies>.+)$']);
  });

  it('one list of pattern keys (schemaPatternLocations) for the loader and compile-data: every bundled schema passes its checks', () => {
    const value = { issue: { byline: { pattern: '^By' } }, topic: { heading: { pattern: '(?<area>x)' }, citation: { lines: [{ pattern: '^a' }, { id: 'b', pattern: '(' }] } } };
    assert.deepEqual(schemaPatternLocations(value).map((l) => l.name), ['topic.heading.pattern', 'issue.byline.pattern', 'topic.citation.lines[0].pattern', 'topic.citation.lines[1].pattern']);
    assert.deepEqual(schemaPatternLocations(value).map((l) => schemaPatternProblems(l).length), [1, 0, 0, 1]);
    for (const name of bundledSchemaNames()) {
      assert.deepEqual(schemaPatternLocations(bundledSchema(name)!.value).flatMap(schemaPatternProblems), [], name);
    }
  });

  it("a dateFormat that writes no year, month or day ('Q') is a warning at it; dates are then unreadable, with no fix that would overwrite them", () => {
    const loaded = loadTeam("schemaVersion: 1\nextends: default\ntopic:\n  citation:\n    dateFormat: \"'Q'\"\n");
    assert.equal(loaded.fellBack, false);
    assert.deepEqual(loaded.files[0].findings.map((f) => [f.severity, f.message, where(f)]), [['warning', "topic.citation.dateFormat ''Q'' writes no year, month or day (date-fns tokens such as yyyy, MM, MMMM, d outside quotes); no citation date is read with it.", '4:16-4:21']]);
    const text = read(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'));
    const dates = checkBrief(text, { schema: loaded.schema, catalogue: defaultConfig().config.catalogue }, { rules: rules.filter((r) => r.id === 'date.invalid') }).findings;
    assert.ok(dates.length > 0);
    assert.deepEqual(dates.filter((f) => f.fixes?.length), [], 'no fix rewrites a date');
    assert.ok(dates.every((f) => f.message.startsWith('Cannot read the date')), dates[0].message);
  });

  it('the starting schema of `policy-brief schema init` (data/issue-schema.template.yaml) loads without findings', () => {
    const loaded = loadTeam(read(path.join(repoRoot, 'data', 'issue-schema.template.yaml')));
    assert.deepEqual(loaded.files[0].findings, []);
    assert.equal(loaded.schema.issue.topics.max, undefined);
    assert.equal(loaded.schema.name, 'Our brief');
  });

  it('a date pattern without a year (d MMMM) takes the year of the given day, the year before for a later date', () => {
    const issue = Date.UTC(2024, 0, 10);
    assert.equal(citationDay('8 January', 'd MMMM', issue), Date.UTC(2024, 0, 8));
    assert.equal(citationDay('28 December', 'd MMMM', issue), Date.UTC(2023, 11, 28));
    assert.equal(citationDay('29 February', 'd MMMM', Date.UTC(2023, 5, 1)), undefined, 'no February 29 in 2023');
    assert.equal(citationDay('29 February', 'd MMMM', Date.UTC(2024, 5, 1)), Date.UTC(2024, 1, 29));
    // A pattern with a year is read as before, whatever the day given.
    assert.equal(citationDay('April 14, 2023', 'MMMM d, yyyy', issue), Date.UTC(2023, 3, 14));
  });
});
