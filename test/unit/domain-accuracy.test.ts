/**
 * Domain accuracy (issue 11): document numbers, local issuers, issuing-body names with commas,
 * predecessor chains, drafts and finals, future dates with an injected "today", unknown field
 * lines, and the reference data (prefix table, provincial-level divisions).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { checkBrief, parseBrief, type Finding } from '../../server/core/src/index';
import { readDocumentNumber } from '../../server/core/src/catalogue/documentNumber';
import { issuingBodyNames } from '../../server/core/src/catalogue/bodyTokens';
import { defaultConfig, repoRoot } from '../support/config';

const config = () => defaultConfig().config;

function brief(citation: string, frontMatterDate?: string): string {
  return `${frontMatterDate ? `---\npolicy-brief: china-industries\ndate: ${frontMatterDate}\n---\n\n` : ''}# Issue

## 1. Plants get new rules

**At a glance:** A ministry set rules for plants. It lists:

- One thing to do first
- Another thing to do next

**MERICS comment:** Short and clear.

${citation}
`;
}

const findingsOf = (text: string, ruleId: string, today?: number): Finding[] => checkBrief(text, config(), { today }).findings.filter((f) => f.ruleId === ruleId);

describe('domain accuracy', () => {
  describe('document numbers (发文字号)', () => {
    it('reads the standard form and lists form problems with their fixes', () => {
      assert.deepEqual(readDocumentNumber('工信部联科〔2024〕12号'), { kind: 'standard', agency: '工信部联科', year: 2024, serial: 12, problems: [] });
      const bad = readDocumentNumber('工信部联科[2024]第012号')!;
      assert.equal(bad.kind, 'standard');
      assert.deepEqual(bad.problems.map((p) => p.newText), ['〔2024〕', '', '12']);
      for (const open of ['(', '（', '【', '[']) assert.equal(readDocumentNumber(`国发${open}2020${{ '(': ')', '（': '）', '【': '】', '[': ']' }[open]}8号`)?.problems.length, 1, open);
    });

    it('reads decree numbers, with Chinese numerals and with a year', () => {
      assert.deepEqual(readDocumentNumber('国务院令第790号'), { kind: 'decree', agency: '国务院', year: undefined, problems: [] });
      assert.equal(readDocumentNumber('中华人民共和国主席令第八十四号')?.kind, 'decree');
      assert.deepEqual(readDocumentNumber('商务部令2020年第4号'), { kind: 'decree', agency: '商务部', year: 2020, problems: [] });
      assert.equal(readDocumentNumber('国务院令790号')?.problems[0].newText, '第');
      assert.equal(readDocumentNumber('see the website'), undefined);
    });

    it('a Document number line ends the date above it, and the model carries the number with its span', () => {
      const text = brief('Article: Notice on Plants (关于工厂的通知) ([Link](https://example.com))\nIssuing bodies: MIIT\nDate: March 3, 2023\nDocument number: 工信部科〔2023〕5号');
      const citation = parseBrief(text, config().schema).topics[0].citations[0];
      assert.equal(citation.date?.value.text, 'March 3, 2023');
      assert.equal(citation.documentNumber?.from, 'field');
      assert.equal(citation.documentNumber?.span.text, '工信部科〔2023〕5号');
      assert.equal(text.slice(citation.documentNumber!.span.start, citation.documentNumber!.span.end), '工信部科〔2023〕5号');
      assert.deepEqual(checkBrief(text, config()).findings.map((f) => f.ruleId), []);
    });

    it('a number in parentheses after the Chinese title is the document number, not the Chinese title', () => {
      const text = brief('Article: Notice on Plants (关于工厂的通知) (工信部科〔2023〕5号) ([Link](https://example.com))\nIssuing bodies: MIIT\nDate: March 3, 2023');
      const citation = parseBrief(text, config().schema).topics[0].citations[0];
      assert.equal(citation.article?.parsed.chineseTitle?.text, '关于工厂的通知');
      assert.equal(citation.documentNumber?.from, 'article');
      assert.equal(citation.documentNumber?.span.text, '工信部科〔2023〕5号');
    });

    it('an unknown field line after Date ends the date too', () => {
      const text = brief('Article: Notice on Plants (关于工厂的通知) ([Link](https://example.com))\nIssuing bodies: MIIT\nDate: March 3, 2023\nTranslated by: a team member');
      assert.equal(parseBrief(text, config().schema).topics[0].citations[0].date?.value.text, 'March 3, 2023');
      assert.deepEqual(findingsOf(text, 'date.invalid'), []);
    });
  });

  describe('issuing bodies', () => {
    it('a full name with a comma is one body, tokenised against the catalogue', () => {
      const text = brief('Article: Notice on Plants (关于工厂的通知) ([Link](https://example.com))\nIssuing bodies: MIIT, State Administration of Science, Technology and Industry for National Defense, NDRC\nDate: March 3, 2023');
      const model = parseBrief(text, config().schema);
      const names = issuingBodyNames(model.topics[0].citations[0], config().catalogue, text).map((s) => s.text);
      assert.deepEqual(names, ['MIIT', 'State Administration of Science, Technology and Industry for National Defense', 'NDRC']);
      assert.deepEqual(findingsOf(text, 'issuing-body.unknown'), []);
    });

    it('` and ` and a serial comma between a full name that contains "and" and other names separate them; unknown multi-word names stay whole', () => {
      const names = (bodies: string) => {
        const text = brief(`Article: Notice on Plants (关于工厂的通知) ([Link](https://example.com))\nIssuing bodies: ${bodies}\nDate: March 3, 2023`);
        return issuingBodyNames(parseBrief(text, config().schema).topics[0].citations[0], config().catalogue, text).map((s) => s.text);
      };
      assert.deepEqual(names('MIIT, National Development and Reform Commission and MEE'), ['MIIT', 'National Development and Reform Commission', 'MEE']);
      assert.deepEqual(names('Ministry of Industry and Information Technology and the NDRC & MEE'), ['Ministry of Industry and Information Technology', 'NDRC', 'MEE']);
      assert.deepEqual(names('MIIT, NDRC, and MEE'), ['MIIT', 'NDRC', 'MEE']);
      assert.deepEqual(names('Ministry of Ecology and Environment and MIIT'), ['Ministry of Ecology and Environment', 'MIIT']);
      // Names the catalogue does not know: joined by "and" they are one name unless each is one word.
      assert.deepEqual(names('MIIT, Bureau of Foo and Bar Affairs'), ['MIIT', 'Bureau of Foo and Bar Affairs']);
      assert.deepEqual(names('MIIT and FOO and BAR'), ['MIIT', 'FOO', 'BAR']);
      assert.deepEqual(names('MIIT and Bureau of Foo'), ['MIIT', 'Bureau of Foo']);
    });

    it('a suggested predecessor is written so that it resolves back to it (NDRC in 1995 → SPC-PLANNING, not SPC, the court), and the fixed line is clean', () => {
      const text = brief('Article: Notice on Grain Prices (关于粮食价格的通知) ([Link](https://example.com))\nIssuing bodies: NDRC\nDate: May 1, 1995');
      const [finding] = findingsOf(text, 'issuing-body.not-in-existence');
      const names = finding.fixes?.map((f) => f.edits[0].newText);
      assert.deepEqual(names, ['SETC', 'SPC-PLANNING']);
      const fixed = text.replace('Issuing bodies: NDRC', 'Issuing bodies: SPC-PLANNING');
      assert.deepEqual(checkBrief(fixed, config()).findings.filter((f) => f.ruleId.startsWith('issuing-body.')).map((f) => f.message), []);
    });

    it('walks the predecessor chain to the body that existed on the cited date (NRTA in 2010 → SARFT)', () => {
      const text = brief('Article: Notice on Plants (关于工厂的通知) ([Link](https://example.com))\nIssuing bodies: NRTA\nDate: March 3, 2010');
      const [finding] = findingsOf(text, 'issuing-body.not-in-existence');
      assert.match(finding.message, /existed on that date: SARFT/);
      assert.doesNotMatch(finding.message, /SAPPRFT/);
      assert.ok(finding.fixes?.some((f) => f.edits[0].newText === 'SARFT'));
    });

    it('a retired body written in full: no longer existed, its successor named, the name once, no "write CBRC"', () => {
      const text = brief('Article: Notice on Banks (关于银行的通知) ([Link](https://example.com))\nIssuing bodies: China Banking Regulatory Commission\nDate: March 3, 2020');
      const findings = checkBrief(text, config()).findings;
      assert.deepEqual(findings.map((f) => f.ruleId), ['issuing-body.not-in-existence']);
      assert.equal(findings[0].message.split('China Banking Regulatory Commission').length, 2);
      assert.match(findings[0].message, /no longer existed on 2020-03-03.*successor on that date: CBIRC/);
    });

    it('audited dates: HKMAO, OCAO (1978), SARA (1998), SOA (1964) are valid in 2010; SARFT\'s name is not an NRTA alias', () => {
      const text = brief('Article: Notice on Plants (关于工厂的通知) ([Link](https://example.com))\nIssuing bodies: HKMAO, OCAO, SARA, SOA\nDate: March 3, 2010');
      assert.deepEqual(checkBrief(text, config()).findings, []);
      assert.equal(config().catalogue.lookupBody('State Administration of Radio, Film and Television')?.body.id, 'SARFT');
    });

    it('local governments and their departments are local issuers, not unknown bodies', () => {
      const catalogue = config().catalogue;
      for (const name of ["Beijing Municipal People's Government", 'Guangdong Provincial Department of Industry and Information Technology', 'Shenzhen Municipal Bureau of Industry and Information Technology', 'Inner Mongolia Autonomous Region Department of Commerce', '北京市人民政府', '广东省工业和信息化厅', '深圳市工业和信息化局']) {
        assert.ok(catalogue.localIssuer(name), name);
      }
      assert.equal(catalogue.localIssuer("Atlantis Provincial People's Government"), undefined);
      assert.equal(catalogue.localIssuer('Ministry of Commerce'), undefined);
      assert.equal(catalogue.localIssuer('广东省工业和信息化厅')?.division?.id, 'guangdong');
    });
  });

  describe('future dates', () => {
    const text = brief('Article: Notice on Plants (关于工厂的通知) ([Link](https://example.com))\nIssuing bodies: MIIT\nDate: March 3, 2025');
    it('compare with an injected today when the front matter has no date', () => {
      assert.equal(findingsOf(text, 'date.future', Date.UTC(2025, 2, 2)).length, 1);
      assert.equal(findingsOf(text, 'date.future', Date.UTC(2025, 2, 3)).length, 0);
    });
    it("compare with the issue's own date when the front matter has one", () => {
      const dated = brief('Article: Notice on Plants (关于工厂的通知) ([Link](https://example.com))\nIssuing bodies: MIIT\nDate: March 3, 2025', '2025-02-28');
      assert.match(findingsOf(dated, 'date.future', Date.UTC(2030, 0, 1))[0].message, /after this issue's own date \(2025-02-28\)/);
    });
  });

  describe('drafts and finals', () => {
    it('a draft whose English title matches the final is not corrected to the final (title, bodies, date)', () => {
      const text = brief('Article: Interim Measures for the Management of Generative Artificial Intelligence Services (生成式人工智能服务暂行办法（征求意见稿）) ([Link](https://example.com))\nIssuing bodies: CAC\nDate: March 3, 2023', '2023-03-31');
      assert.deepEqual(findingsOf(text, 'citation.catalogue-mismatch'), []);
    });
    it('a catalogued draft cited after its final was issued gets information naming the final', () => {
      const text = brief('Article: Measures for the Management of Generative Artificial Intelligence Services (Draft for Comment) (生成式人工智能服务管理办法（征求意见稿）) ([Link](https://example.com))\nIssuing bodies: CAC\nDate: April 11, 2023', '2023-09-30');
      const [finding] = findingsOf(text, 'citation.draft-superseded');
      assert.equal(finding.severity, 'information');
      assert.match(finding.message, /final version was issued on July 10, 2023, as 生成式人工智能服务管理暂行办法/);
    });
  });

  describe('reference data', () => {
    const prefixes = parse(fs.readFileSync(path.join(repoRoot, 'data', 'document-number-prefixes.yaml'), 'utf8'));
    const divisions = parse(fs.readFileSync(path.join(repoRoot, 'data', 'provincial-divisions.yaml'), 'utf8'));
    const titles = parse(fs.readFileSync(path.join(repoRoot, 'data', 'policy-titles.yaml'), 'utf8')).titles as { id: string; doc_number?: string; issuing_bodies: string[]; draft?: boolean; final?: string }[];
    const catalogue = () => config().catalogue;

    it('ships the 34 provincial-level divisions (23 provinces, 4 municipalities, 5 autonomous regions, 2 SARs), each with a source', () => {
      const count = (kind: string) => divisions.divisions.filter((d: { kind: string }) => d.kind === kind).length;
      assert.equal(divisions.divisions.length, 34);
      assert.deepEqual([count('province'), count('municipality'), count('autonomous-region'), count('sar')], [23, 4, 5, 2]);
      for (const d of divisions.divisions) for (const s of d.source) assert.ok(s in divisions.sources, `${d.id}: ${s}`);
      assert.equal(new Set(divisions.divisions.map((d: { name_zh: string }) => d.name_zh)).size, 34);
    });

    it('every prefix names catalogue bodies, cites resolvable sources, and matches the titles it was seen in', () => {
      const bad: string[] = [];
      for (const p of prefixes.prefixes) {
        for (const id of p.bodies) if (!catalogue().bodyById(id)) bad.push(`${p.prefix}: body ${id}`);
        for (const s of p.source) if (!(s in prefixes.sources) && !/^https?:\/\//.test(s)) bad.push(`${p.prefix}: source ${s}`);
        for (const id of p.seen_in ?? []) {
          const title = titles.find((t) => t.id === id);
          if (!title?.doc_number?.startsWith(p.prefix)) bad.push(`${p.prefix}: ${id} has number ${title?.doc_number}`);
          else if (!p.bodies.includes(title.issuing_bodies[0])) bad.push(`${p.prefix}: ${id} is led by ${title.issuing_bodies[0]}`);
        }
      }
      assert.deepEqual(bad, []);
    });

    it('every catalogue document number is well formed, its prefix matches its lead body, and drafts link existing finals', () => {
      const bad: string[] = [];
      for (const t of titles) {
        if (t.final && (!t.draft || !titles.some((f) => f.id === t.final && !f.draft))) bad.push(`${t.id}: final ${t.final}`);
        if (!t.doc_number || /\s/.test(t.doc_number)) continue; // joint orders list the bodies' names
        const read = readDocumentNumber(t.doc_number);
        if (!read || read.problems.length) bad.push(`${t.id}: ${t.doc_number}`);
        const prefix = read?.kind === 'standard' ? catalogue().prefixOf(read.agency) : undefined;
        if (prefix && !prefix.bodies.includes(t.issuing_bodies[0])) bad.push(`${t.id}: prefix ${prefix.prefix} vs ${t.issuing_bodies[0]}`);
      }
      assert.deepEqual(bad, []);
    });
  });
});
