/**
 * The JSON Schema of issue schemas and the loader agree, and the checker runs with whatever they
 * accept (fast-check, seeded). Generated team schemas follow `schemas/issue-schema.schema.json`
 * (every optional key present or absent, labels and patterns — heading and citation line patterns — from nasty values;
 * `extends` any bundled schema, resolved as the loader resolves it); each generated schema the JSON
 * Schema accepts must load without errors and without falling back (warnings, such as an invalid
 * pattern or date format, advise), and checking the example briefs and
 * a rule fixture with it must neither throw nor crash a rule, nor give a range outside the text;
 * the editor features (outline, hover, completion) must not throw either.
 *
 * Reproduce a failure with the seed and path fast-check prints, or override the run:
 * `FUZZ_SEED=123 FUZZ_RUNS=500 npx mocha test/fuzz/schemas.property.test.ts`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Ajv } from 'ajv';
import {
  checkBrief, complete, documentSymbols, foldingRanges, hover, LineIndex, loadIssueSchema, parseBrief, rules, type CheckConfig, type SchemaSource,
} from '../../server/core/src/index';
import { defaultConfig, lineEndingVariants, read, repoRoot } from '../support/config';
import { bundledSchema, bundledSchemaNames } from '../../server/src/config/bundledSchemas';
import { assertValidRange } from './support/properties';

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

const jsonSchema = JSON.parse(read(path.join(repoRoot, 'schemas', 'issue-schema.schema.json'))) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(jsonSchema);
const defaultSource: SchemaSource = { path: 'data/issue-schemas/default.yaml', text: read(path.join(repoRoot, 'data', 'issue-schemas', 'default.yaml')) };

/** Label-like strings: the default's labels, punctuation and Markdown that regexes and splitters get wrong, CJK. */
const label = fc.oneof(
  fc.constantFrom('At a glance', 'Comment', 'Article', 'Date', 'Issuing bodies', 'Source', 'Summary', 'Date:', '*', '**', '(', ')', '[', '\\', '.*', '$', '中文', '：', 'a b', ' x ', '\u200B', '😀', '-', '|'),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const labels = fc.array(label, { maxLength: 3 });
/** Date patterns: good ones, ones date-fns rejects (unescaped letters, YYYY, D), empty-ish. */
const dateFormat = fc.oneof(
  fc.constantFrom('MMMM d, yyyy', 'yyyy-MM-dd', 'd MMMM yyyy', 'MM.yyyy', 'd MMMM', 'YYYY', 'D', 'abc', "'", 'q', 'x', 'yyyy年M月d日', ' '),
  fc.string({ minLength: 1, maxLength: 8 }),
);
/** Heading patterns: with the named captures, invalid ones (the JSON Schema accepts any string), ones matching empty. */
const headingPatternSource = fc.oneof(
  fc.constantFrom(
    '^(?<headline>.+?) — (?<issuing-bodies>.+), (?<date>[^,]+)$',
    '\\((?<date>[^)]*)\\)\\s*$',
    '(?<document>《[^》]+》)',
    '(?<headline>)(?<date>)',
    '(', '(?<date>', '[', '\\', '(?<a-b>x)', '.*', '^$',
  ),
  fc.string({ minLength: 1, maxLength: 10 }),
);
/** Citation line patterns: the layouts of docs/issue-schema.md, captures of every name, invalid ones, ones matching every line. */
const citationLine = fc.record({
  id: fc.constantFrom('source', 'category', 'title', 'x-1'),
  pattern: fc.oneof(
    fc.constantFrom(
      '^(?<issuing-bodies>[^|]+?) \\| (?<date>[^|]+)$',
      '^Source (?<issuing-bodies>.+)$',
      '^Policy \\| .+$',
      '^《(?<chinese-title>[^《》]+)》$',
      '^(?<article>.+?) \\((?<chinese-title>[^)]+)\\)(?: (?<link>\\S+))?$',
      '(?<document-number>\\S+号)',
      '(?<date>)', '.*', '', '(', '(?<date>', '(?<a-b>x)', '\\', '^$',
    ),
    fc.string({ minLength: 1, maxLength: 10 }),
  ),
  description: fc.string({ maxLength: 10 }),
}, { requiredKeys: ['pattern'] });
const smallInt = (min: number) => fc.integer({ min, max: 12 });
const flag = fc.boolean();
/** A limit or null ("no limit", lifting an inherited one). */
const limit = (min: number) => fc.option(smallInt(min), { nil: null, freq: 4 });
const opt = { requiredKeys: [] as never[] };

const part = fc.record({
  id: fc.constantFrom('at-a-glance', 'comment', 'summary', 'lead', 'outlook', 'x'),
  label,
  after: fc.constant('citation'),
  aliases: labels,
  required: flag,
  leadMaxWords: limit(1),
  maxWords: limit(1),
  minParagraphs: limit(1),
  keyPoints: fc.option(fc.record({ required: flag, min: limit(0), max: limit(1), maxWords: limit(1) }, opt), { nil: null, freq: 4 }),
}, { requiredKeys: ['id'] });

const field = fc.record({
  id: fc.constantFrom('article', 'issuing-bodies', 'date', 'document-number'),
  label,
  aliases: labels,
  required: flag,
}, { requiredKeys: ['id'] });

const severity = fc.constantFrom('error', 'warning', 'information', 'hint', 'off');
const ruleSeverities = fc.dictionary(fc.constantFrom(...rules.map((r) => r.id)), severity, { maxKeys: 4 });

/** A team issue schema as the JSON Schema describes it (some generated values may still be rejected: filtered below). */
export const teamSchema = fc.record({
  schemaVersion: fc.constant(1),
  name: fc.string({ minLength: 1, maxLength: 10 }),
  extends: fc.constantFrom(...bundledSchemaNames()),
  issue: fc.record({
    title: fc.record({ required: flag }, opt),
    topicsList: fc.record({ required: flag, matchHeadlines: flag }, opt),
    topics: fc.record({ min: smallInt(0), max: limit(1), headingLevel: fc.integer({ min: 1, max: 6 }), numbered: flag }, opt),
    groups: fc.record({ headingLevel: fc.integer({ min: 1, max: 5 }) }, opt),
    byline: fc.record({ required: flag, pattern: fc.oneof(fc.constantFrom('^\\*By .+\\*$', '^By ', '(', '.*', '(?<a-b>x)'), fc.string({ minLength: 1, maxLength: 8 })) }, opt),
    closing: fc.record({ headings: fc.array(fc.oneof(fc.constantFrom('About this newsletter', 'In brief', '1. Foundry upgrade', '#', ' '), label), { maxLength: 3 }) }, opt),
  }, opt),
  topic: fc.record({
    heading: fc.record({ pattern: headingPatternSource }, opt),
    chineseTitles: fc.record({ inProse: flag }, opt),
    parts: fc.array(part, { maxLength: 4 }),
    citation: fc.record({
      required: flag,
      min: smallInt(0),
      fields: fc.array(field, { maxLength: 5 }),
      lines: fc.array(citationLine, { maxLength: 3 }),
      chineseTitleParentheses: fc.constantFrom('ascii', 'fullwidth'),
      dateFormat,
      link: fc.constantFrom('required', 'optional'),
      position: fc.constantFrom('end', 'start', 'any'),
      issuingBodySeparator: fc.oneof(fc.constantFrom(', ', '; ', '、', ' | '), fc.string({ minLength: 1, maxLength: 3 })),
    }, opt),
  }, opt),
  rules: ruleSeverities,
}, { requiredKeys: ['schemaVersion'] });

/** The briefs checked with each schema: the examples and the rule fixtures (LF; one line-ending variant per run). */
function briefs(): { name: string; text: string }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('__')) walk(file);
      else if (entry.name.endsWith('.md') && entry.name !== 'README.md') files.push(file);
    }
  };
  walk(path.join(repoRoot, 'examples'));
  walk(path.join(repoRoot, 'test', 'rules'));
  return files.sort().map((file) => ({ name: path.relative(repoRoot, file), text: read(file) }));
}

describe('issue schemas the JSON Schema accepts (fast-check)', function () {
  this.timeout(300_000);
  const all = briefs();
  const examples = all.filter((b) => b.name.startsWith('examples'));
  const catalogue = defaultConfig().config.catalogue;

  it(`load without errors (extending any bundled schema) and check every brief without an exception (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(teamSchema, fc.nat(), fc.nat(3), (team, pick, variant) => {
        fc.pre(validate(team) === true);
        const loaded = loadIssueSchema(defaultSource, jsonSchema, { path: '/team/.policy-brief/issue-schema.yaml', text: JSON.stringify(team) }, { bundledNames: bundledSchemaNames(), bundled: bundledSchema });
        // Warnings (an invalid pattern or date format) advise; an error would mean the loader rejects what the JSON Schema accepts.
        assert.deepEqual(loaded.files.flatMap((f) => f.findings.filter((x) => x.severity === 'error').map((x) => x.message)), [], 'the loader rejects a schema the JSON Schema accepts');
        assert.equal(loaded.fellBack, false);
        const config: CheckConfig = { schema: loaded.schema, catalogue };
        for (const brief of [...examples, all[pick % all.length]]) {
          const text = lineEndingVariants(brief.text)[variant].text;
          let findings;
          try {
            findings = checkBrief(text, config).findings;
          } catch (error) {
            assert.fail(`${brief.name}: checkBrief threw ${(error as Error).stack}`);
          }
          const crashed = findings.filter((f) => f.ruleId === 'internal.rule-failed');
          assert.deepEqual(crashed.map((f) => f.message), [], `${brief.name}: a rule crashed`);
          const lineIndex = new LineIndex(text);
          for (const f of findings) assertValidRange(text, lineIndex, f.range, f.ruleId, brief.name);
          const model = parseBrief(text, config.schema);
          documentSymbols(model, lineIndex);
          foldingRanges(model, lineIndex);
          const input = { text, model, lineIndex, schema: config.schema, catalogue };
          for (let offset = 0; offset < text.length; offset += Math.max(1, Math.floor(text.length / 7))) {
            hover(input, offset);
            complete(input, offset);
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
