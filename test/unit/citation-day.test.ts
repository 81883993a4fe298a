/**
 * Remembered reads equal fresh ones: `rememberedCitationDay` (what a check uses) against
 * `citationDay`, for the same texts under other formats and other issue days in a row, and past
 * the size at which its memory starts a new generation. And the parse cache's intro parts follow
 * the schema: one `ParseCache` across two schemas (byline pattern, topic heading level) gives the
 * models an uncached parse gives.
 */
import * as assert from 'node:assert/strict';
import { citationDay, readCitationDate, rememberedCitationDate, rememberedCitationDay } from '../../server/core/src/catalogue/citationDate';
import { ParseCache, parseBrief } from '../../server/core/src/index';
import { defaultConfig } from '../support/config';

describe('remembered citation days', () => {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const texts = ['29 February', '26 August', 'March 4, 2025', 'April 14, 23', 'Sept. 4, 2023', '2024-03-14', '12.2020', 'February 30, 2023', '31 June', 'next week', ''];
  const formats = ['d MMMM', 'MMMM d, yyyy', 'MM.yyyy', 'yyyy-MM-dd'];
  const issueDays = [day('2025-03-10'), day('2024-03-10'), day('2025-01-10'), day('2024-12-31')];

  it('equal citationDay for every text, format and issue day, in any order and repeated', () => {
    for (let round = 0; round < 2; round++) {
      for (const yearFrom of round ? [...issueDays].reverse() : issueDays) {
        for (const dateFormat of formats) {
          for (const text of texts) {
            assert.equal(rememberedCitationDay(text, dateFormat, yearFrom), citationDay(text, dateFormat, yearFrom), `${text} / ${dateFormat} / ${new Date(yearFrom).toISOString()}`);
            if (text) assert.deepEqual(rememberedCitationDate(text, dateFormat, round ? undefined : yearFrom), readCitationDate(text, dateFormat, round ? undefined : yearFrom));
          }
        }
      }
    }
  });

  it('29 February: a day in a leap year the issue gives it, none in another (the same text, read in a row)', () => {
    assert.equal(rememberedCitationDay('29 February', 'd MMMM', day('2024-03-10')), day('2024-02-29'));
    assert.equal(rememberedCitationDay('29 February', 'd MMMM', day('2025-03-10')), undefined);
    assert.equal(rememberedCitationDay('29 February', 'd MMMM', day('2025-01-10')), day('2024-02-29'));
  });

  it('still equal after more texts than a generation holds', () => {
    const yearFrom = day('2025-06-30');
    for (let i = 0; i < 12_000; i++) {
      const text = `${(i % 28) + 1} ${['January', 'March', 'May'][i % 3]}`;
      const other = `${text} ${2000 + (i % 30)}`;
      rememberedCitationDay(other, 'd MMMM yyyy', yearFrom);
      if (i % 997 === 0) assert.equal(rememberedCitationDay(text, 'd MMMM', yearFrom), citationDay(text, 'd MMMM', yearFrom));
    }
    assert.equal(rememberedCitationDay('26 August', 'd MMMM', yearFrom), day('2024-08-26'));
  });
});

describe('parse cache: intro parts follow the schema', () => {
  it('one cache across two schemas gives the uncached models', () => {
    const base = defaultConfig().config.schema;
    const withByline = { ...base, issue: { ...base.issue, byline: { required: true, pattern: '^\\*By .+\\*$' } } };
    const text = '---\npolicy-brief: x\ndate: 2025-03-10\n---\n\n# Weekly 周报\n\nBy the desk\n\n*By Jane Doe*\n\n## 1. Robots\n\nText.\n';
    const cache = new ParseCache();
    for (const schema of [base, withByline, base, withByline]) {
      const cached = parseBrief(text, schema, cache);
      const fresh = parseBrief(text, schema);
      assert.deepEqual(cached.byline, fresh.byline);
      assert.deepEqual(cached.title, fresh.title);
      assert.deepEqual(cached.frontMatter, fresh.frontMatter);
    }
    assert.equal(parseBrief(text, withByline, cache).byline?.text, '*By Jane Doe*');
    assert.equal(parseBrief(text, base, cache).byline?.text, 'By the desk');
  });
});

describe('findings cache: topics whose dates take the issue year', () => {
  it('an edit of the front-matter date re-checks them (the same topic text, another year)', async () => {
    const { checkBrief } = await import('../../server/core/src/index');
    const { loadConfig } = await import('../../server/src/config/projectConfig');
    const path = await import('node:path');
    const { repoRoot } = await import('../support/config');
    const config = loadConfig(path.join(repoRoot, 'examples', 'publications', 'china-tmt-update', '.policy-brief')).config;
    const brief = (date: string) => `---\npolicy-brief: x\ndate: ${date}\n---\n\n# Update\n\nIntro.\n\n## 1. CBIRC issued rules on insurance apps (26 August)\n\nThe regulator set out what apps selling insurance must show.\n`;
    const cache = new ParseCache();
    const ids = (date: string, withCache: boolean) => checkBrief(brief(date), config, withCache ? { cache } : {}).findings.map((f) => `${f.ruleId}@${f.range.start.line}`);
    for (const date of ['2023-05-10', '2023-09-10', '2023-05-10', '2023-09-10']) assert.deepEqual(ids(date, true), ids(date, false), date);
    assert.ok(ids('2023-09-10', true).includes('issuing-body.not-in-existence@9'), 'CBIRC no longer existed on 26 August 2023');
  });
});
