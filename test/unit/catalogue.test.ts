/** The catalogue: issuing-body and policy-title look-ups, validity with grace, team files merged by id. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Catalogue, VALIDITY_GRACE_DAYS, isoDay, loadCatalogue, type CatalogueSource } from '../../server/core/src/index';
import { chineseTitleKey } from '../../server/core/src/catalogue/normalize';
import { citesIssuingNotice } from '../../server/core/src/rules/citation/catalogueMismatch';
import { read, repoRoot } from '../support/config';

const source = (...parts: string[]): CatalogueSource => ({ path: parts.join('/'), text: read(path.join(repoRoot, ...parts)) });
const bundled = { issuingBodies: source('data', 'issuing-bodies.yaml'), policyTitles: source('data', 'policy-titles.yaml'), documentTypes: source('data', 'document-types.yaml') };
const jsonSchemas = {
  issuingBodies: JSON.parse(read(path.join(repoRoot, 'schemas', 'issuing-bodies.schema.json'))) as object,
  policyTitles: JSON.parse(read(path.join(repoRoot, 'schemas', 'policy-titles.schema.json'))) as object,
  documentTypes: JSON.parse(read(path.join(repoRoot, 'schemas', 'document-types.schema.json'))) as object,
};
const load = (team: { issuingBodies?: string; policyTitles?: string } = {}) =>
  loadCatalogue(bundled, jsonSchemas, {
    issuingBodies: team.issuingBodies === undefined ? undefined : { path: 'team/issuing-bodies.yaml', text: team.issuingBodies },
    policyTitles: team.policyTitles === undefined ? undefined : { path: 'team/policy-titles.yaml', text: team.policyTitles },
  });
const catalogue: Catalogue = load().catalogue;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('Catalogue', () => {
  describe('lookupBody', () => {
    const cases: [string, string, string][] = [
      ['MIIT', 'MIIT', 'id'],
      ['miit', 'MIIT', 'id'],
      ['SC-GO', 'SC-GO', 'id'],
      ['GOSC', 'SC-GO', 'abbreviation'],
      ['PBC', 'PBOC', 'abbreviation'],
      ['SIPO', 'CNIPA', 'abbreviation'],
      ['Ministry of Industry and Information Technology', 'MIIT', 'english-name'],
      ['ministry of industry and information technology', 'MIIT', 'english-name'],
      ['Ministry of Industry and IT', 'MIIT', 'alias'],
      ['NPC Standing Committee', 'NPCSC', 'alias'],
      ['工业和信息化部', 'MIIT', 'chinese-name'],
      ['工信部', 'MIIT', 'chinese-name'],
      ['国家发展改革委', 'NDRC', 'chinese-name'],
      ['中国共产党中央委员会', 'CPCCC', 'chinese-name'],
      ['  CAC  ', 'CAC', 'id'],
    ];
    for (const [name, id, how] of cases) {
      it(`finds ${JSON.stringify(name)} → ${id} (${how})`, () => {
        const found = catalogue.lookupBody(name);
        assert.equal(found?.body.id, id);
        assert.equal(found?.matchedBy, how);
      });
    }

    it('finds nothing for unknown names', () => {
      assert.equal(catalogue.lookupBody('XYZB'), undefined);
      assert.equal(catalogue.lookupBody('MITT'), undefined);
    });

    it('knows the ambiguous abbreviations and the canonical names', () => {
      assert.deepEqual(catalogue.ambiguous.get('MOC'), ['MOFCOM', 'MOC-CULTURE', 'MOC-CONSTRUCTION']);
      assert.equal(catalogue.ambiguous.has('SIPO'), false, 'one body only: an old abbreviation, not ambiguous');
      assert.equal(catalogue.canonicalName(catalogue.bodyById('SC-GO')!), 'GOSC');
      assert.equal(catalogue.canonicalName(catalogue.bodyById('SC')!), 'SC', 'no abbreviation: the id');
      assert.equal(catalogue.bodyById('miit'), undefined, 'ids are exact');
    });
  });

  describe('names that resolve back, ambiguity by date', () => {
    it('the canonical name of every body looks up that body (SPC-PLANNING, not SPC, the Supreme People\'s Court\'s id)', () => {
      assert.equal(catalogue.canonicalName(catalogue.bodyById('SPC-PLANNING')!), 'SPC-PLANNING');
      assert.equal(catalogue.canonicalName(catalogue.bodyById('SPC')!), 'SPC');
      assert.equal(catalogue.canonicalName(catalogue.bodyById('MOC-CULTURE')!), 'MOC-CULTURE');
      assert.equal(catalogue.canonicalName(catalogue.bodyById('MOFCOM')!), 'MOFCOM');
      const wrong = catalogue.bodies.filter((b) => {
        const name = catalogue.canonicalName(b);
        return catalogue.lookupBody(name)?.body !== b || catalogue.ambiguousCandidates(name, undefined) !== undefined;
      });
      assert.deepEqual(wrong.map((b) => `${b.id} → ${catalogue.canonicalName(b)}`), []);
    });

    it('an ambiguous abbreviation is the one of its bodies that existed on the cited day', () => {
      assert.deepEqual(catalogue.ambiguousCandidates('MOC', day('2020-05-01')), ['MOFCOM']);
      assert.equal(catalogue.lookupBodyOn('moc', day('2020-05-01'))?.body.id, 'MOFCOM');
      assert.deepEqual(catalogue.ambiguousCandidates('MOC', day('2012-05-01')), ['MOFCOM', 'MOC-CULTURE']);
      assert.deepEqual(catalogue.ambiguousCandidates('MOC', day('2006-07-11')), ['MOFCOM', 'MOC-CULTURE', 'MOC-CONSTRUCTION']);
      assert.equal(catalogue.lookupBodyOn('MOC', day('2006-07-11')), undefined, 'several existed: no guess');
      assert.deepEqual(catalogue.ambiguousCandidates('MOC', undefined), ['MOFCOM', 'MOC-CULTURE', 'MOC-CONSTRUCTION'], 'no date: all');
      assert.equal(catalogue.ambiguousCandidates('SPC', day('1995-05-01')), undefined, 'the exact id of one body is no ambiguity');
      assert.equal(catalogue.lookupBodyOn('MIIT', day('2020-05-01'))?.body.id, 'MIIT');
    });
  });

  describe('validityOn', () => {
    const grace = VALIDITY_GRACE_DAYS;
    it(`allows ${grace} days of grace after valid_until (CBIRC, 2023-05-18)`, () => {
      const cbirc = catalogue.bodyById('CBIRC')!;
      assert.equal(catalogue.validityOn(cbirc, day('2023-05-18')), 'valid');
      assert.equal(catalogue.validityOn(cbirc, day('2023-07-17')), 'valid');
      assert.equal(catalogue.validityOn(cbirc, day('2023-07-18')), 'after');
      assert.equal(catalogue.validityOn(cbirc, day('2018-01-30')), 'before', 'set up 2018-04');
    });

    it('reads a month as its last day for valid_until and its first for valid_from (MEP, 2008-03 … 2018-03)', () => {
      const mep = catalogue.bodyById('MEP')!;
      assert.equal(catalogue.validityOn(mep, day('2018-05-30')), 'valid');
      assert.equal(catalogue.validityOn(mep, day('2018-05-31')), 'after');
      assert.equal(catalogue.validityOn(mep, day('2008-01-01')), 'valid');
      assert.equal(catalogue.validityOn(mep, day('2008-01-01') - 86_400_000), 'before');
    });

    it(`allows ${grace} days of grace before valid_from (NDA, 2023-10-25)`, () => {
      const nda = catalogue.bodyById('NDA')!;
      assert.equal(isoDay(day('2023-08-26')), '2023-08-26');
      assert.equal(catalogue.validityOn(nda, day('2023-08-26')), 'valid');
      assert.equal(catalogue.validityOn(nda, day('2023-08-25')), 'before');
    });

    it('is valid when the dates are unknown', () => {
      assert.equal(catalogue.validityOn(catalogue.bodyById('SC')!, day('1950-01-01')), 'valid');
    });
  });

  describe('titles', () => {
    it('finds titles by Chinese, ignoring 《》, bracket width, quotes and spaces', () => {
      const ids = (title: string) => catalogue.titlesByChinese(title).map((t) => t.id);
      assert.deepEqual(ids('关于推动铸造和锻压行业高质量发展的指导意见'), ['foundry-forging-guiding-opinions-2023']);
      assert.deepEqual(ids('《关于推动铸造和锻压行业高质量发展的指导意见》'), ['foundry-forging-guiding-opinions-2023']);
      assert.deepEqual(ids('生成式人工智能服务管理办法(征求意见稿)'), ['genai-services-measures-draft-2023']);
      assert.deepEqual(ids('"机器人+"应用行动实施方案'), ['robot-plus-application-action-plan-2023']);
      assert.deepEqual(ids('数据出境 安全评估办法'), ['outbound-data-security-assessment-2022']);
      assert.deepEqual(ids('新能源汽车产业发展规划（2021-2035年）'), ['nev-industry-development-plan-2020']);
      assert.deepEqual(ids('不存在的办法'), []);
    });

    it('a notice that issues a document is found by its whole title, never by the title it names in 《》', () => {
      const ids = (title: string) => catalogue.titlesByChinese(title).map((t) => t.id);
      // Only as the entry's title_zh_as_issued (the whole notice, inner 《》 or not), which the catalogue lists.
      assert.deepEqual(ids('国务院关于印发《中国制造2025》的通知'), ['made-in-china-2025']);
      assert.deepEqual(ids('国务院关于印发中国制造2025的通知'), ['made-in-china-2025']);
      // A notice the catalogue does not list is no match for the document it names.
      assert.deepEqual(ids('关于印发《数据出境安全评估办法》的通知'), []);
      assert.deepEqual(ids('关于《数据出境安全评估办法》公开征求意见的通知'), []);
      assert.notEqual(chineseTitleKey('国务院关于印发《中国制造2025》的通知'), chineseTitleKey('中国制造2025'));
    });

    it('citesIssuingNotice: the as-issued notice around the title, not an issuer-prefixed title', () => {
      const entry = (id: string) => catalogue.titleWithId(id)!;
      assert.equal(citesIssuingNotice('国务院关于印发《中国制造2025》的通知', entry('made-in-china-2025')), true);
      assert.equal(citesIssuingNotice('中国制造2025', entry('made-in-china-2025')), false);
      assert.equal(citesIssuingNotice('《中国制造2025》', entry('made-in-china-2025')), false);
      assert.equal(citesIssuingNotice('国家互联网信息办公室关于《生成式人工智能服务管理办法（征求意见稿）》公开征求意见的通知', entry('genai-services-measures-draft-2023')), true);
      assert.equal(citesIssuingNotice('工业和信息化部 国家发展改革委 生态环境部关于推动铸造和锻压行业高质量发展的指导意见', entry('foundry-forging-guiding-opinions-2023')), false);
    });

    it('returns every document that shares a title', () => {
      assert.deepEqual(catalogue.titlesByChinese('国务院关于机构设置的通知').map((t) => t.date).sort(), ['1998-03-29', '2023-03-20']);
    });

    it('finds titles by any listed English rendering, ignoring case and punctuation', () => {
      const ids = (title: string) => catalogue.titlesByEnglish(title).map((t) => t.id);
      assert.deepEqual(ids('Regulations on Unreliable Entity List'), ['unreliable-entity-list-provisions-2020']);
      assert.deepEqual(ids('measures for the security assessment of outbound data transfers.'), ['outbound-data-security-assessment-2022']);
      assert.deepEqual(ids('Measures for Security Assessment of Cross-border Data Transfer'), ['outbound-data-security-assessment-2022']);
      assert.deepEqual(ids('Some Other Measures'), []);
    });

    it('finds the document type by the longest suffix, status markers removed', () => {
      assert.equal(catalogue.documentTypeOf('数据出境安全评估办法')?.en[0], 'Measures');
      assert.equal(catalogue.documentTypeOf('生成式人工智能服务管理暂行办法')?.en[0], 'Interim Measures');
      assert.equal(catalogue.documentTypeOf('人形机器人创新发展指导意见')?.en[0], 'Guiding Opinions');
      assert.equal(catalogue.documentTypeOf('生成式人工智能服务管理办法（征求意见稿）')?.en[0], 'Measures');
      assert.equal(catalogue.documentTypeOf('中国制造2025'), undefined);
      assert.deepEqual(catalogue.markersOf('价格违法行为行政处罚规定（修订征求意见稿）').map((m) => m.id), ['xiuding-zhengqiu-yijian-gao'], 'only the specific marker, not 征求意见稿 too');
    });

    it('a word ending in 法 that names no law (方法, 做法) is no type; the type of an implementing text is its last type word', () => {
      assert.equal(catalogue.documentTypeOf('App违法违规收集使用个人信息行为认定方法'), undefined);
      assert.equal(catalogue.documentTypeOf('自由贸易试验区典型做法'), undefined);
      assert.equal(catalogue.documentTypeOf('个人信息保护法')?.id, 'fa');
      // Laws whose names end in characters of an excluded word stay laws: 适用法 (…法律适用法) ends in 用法, 立法法 in 立法.
      assert.equal(catalogue.documentTypeOf('中华人民共和国涉外民事关系法律适用法')?.id, 'fa');
      assert.equal(catalogue.documentTypeOf('中华人民共和国立法法')?.id, 'fa');
      for (const title of ['推荐算法', '综合执法', '人工智能算法']) assert.equal(catalogue.documentTypeOf(title), undefined, title);
      assert.equal(catalogue.documentTypeOf('中华人民共和国立法法')?.id, 'fa', '立法法 ends in 法法, not in the excluded 立法');
      assert.equal(catalogue.documentTypeOf('专利法实施细则')?.id, 'shishi-xize');
      assert.equal(catalogue.documentTypeOf('网络安全法实施办法')?.id, 'shishi-banfa');
    });
  });

  describe('team files', () => {
    const body = (id: string, extra: string[] = []) => [
      `  - id: ${id}`,
      `    name_en: "Test body ${id}"`,
      '    name_zh: 测试机构',
      '    level: national-bureau',
      '    status: current',
      '    source: ["https://example.org/team-notes"]',
      '    confidence: low',
      ...extra,
    ].join('\n');

    it('adds new entries and replaces entries with the same id', () => {
      const loaded = load({
        issuingBodies: ['schemaVersion: 1', 'bodies:', body('TEAMB', ['    abbreviations: [TB]']), body('MIIT', ['    abbreviations: [MIIT]', '    aliases: ["Industry ministry"]']), ''].join('\n'),
        policyTitles: ['schemaVersion: 1', 'titles:', '  - id: team-title', '    title_zh: 测试办法', '    title_en: Test Measures', '    issuing_bodies: [TEAMB]', '    doc_type: {zh: 办法, en: Measures}', '    date: "2024-01-02"', '    source: ["https://example.org/t"]', '    confidence: low', ''].join('\n'),
      });
      assert.deepEqual(loaded.files.map((f) => [f.path, f.findings.length]), [['team/issuing-bodies.yaml', 0], ['team/policy-titles.yaml', 0]]);
      const merged = loaded.catalogue;
      assert.equal(merged.lookupBody('TB')?.body.id, 'TEAMB');
      assert.equal(merged.lookupBody('Industry ministry')?.body.id, 'MIIT');
      assert.equal(merged.bodyById('MIIT')?.name_en, 'Test body MIIT', 'the team entry replaced the bundled one');
      assert.equal(merged.lookupBody('工信部'), undefined, 'the replaced entry no longer has the bundled short forms');
      assert.equal(merged.bodies.length, catalogue.bodies.length + 1);
      assert.deepEqual(merged.titlesByChinese('测试办法').map((t) => t.id), ['team-title']);
      assert.equal(merged.titles.length, catalogue.titles.length + 1);
    });

    it('reports duplicate ids and impossible dates with their ranges, and skips the file', () => {
      const text = ['schemaVersion: 1', 'bodies:', body('TEAMB', ['    valid_from: "2023-02-30"', '    dates_confidence: low']), body('TEAMB'), ''].join('\n');
      const loaded = load({ issuingBodies: text });
      const findings = loaded.files[0].findings;
      assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['catalogue.duplicate-id', 'catalogue.invalid-date']);
      const duplicate = findings.find((f) => f.ruleId === 'catalogue.duplicate-id')!;
      const second = text.indexOf('id: TEAMB', text.indexOf('id: TEAMB') + 1) + 4;
      assert.equal(duplicate.range.start.offset, second);
      assert.equal(duplicate.range.start.line, 11);
      assert.equal(duplicate.range.start.character, 8);
      assert.equal(duplicate.range.end.character, 13);
      const date = findings.find((f) => f.ruleId === 'catalogue.invalid-date')!;
      assert.equal(date.range.start.line, 9);
      assert.equal(text.slice(date.range.start.offset, date.range.end.offset), '"2023-02-30"');
      assert.equal(loaded.catalogue.bodyById('TEAMB'), undefined, 'a team file with errors is not used');
      assert.equal(loaded.catalogue.bodies.length, catalogue.bodies.length);
    });

    it('reports JSON Schema violations in a team file at the offending node', () => {
      const loaded = load({ policyTitles: 'schemaVersion: 1\ntitles:\n  - id: x\n    title_zh: 测试\n' });
      const findings = loaded.files[0].findings;
      assert.ok(findings.length > 0);
      assert.ok(findings.every((f) => f.ruleId === 'catalogue.schema-violation'));
      assert.ok(findings.every((f) => f.range.start.line === 2), findings.map((f) => `${f.range.start.line}: ${f.message}`).join('\n'));
    });
  });

  describe('team document-number prefixes', () => {
    const withPrefixes = { ...bundled, documentNumberPrefixes: source('data', 'document-number-prefixes.yaml') };
    const schemas = { ...jsonSchemas, documentNumberPrefixes: JSON.parse(read(path.join(repoRoot, 'schemas', 'document-number-prefixes.schema.json'))) as object };
    const loadPrefixes = (text: string) => loadCatalogue(withPrefixes, schemas, { documentNumberPrefixes: { path: 'team/document-number-prefixes.yaml', text } });
    const entry = (prefix: string, bodies: string) => `  - prefix: ${prefix}\n    bodies: [${bodies}]\n    source: [https://example.org/${encodeURIComponent(prefix)}]\n    confidence: high\n`;

    it('adds new prefixes and replaces a bundled one as a whole; the longest prefix still wins', () => {
      const before = loadPrefixes('schemaVersion: 1\nprefixes: []\n').catalogue;
      assert.equal(before.prefixOf('国市监质监规'), undefined);
      assert.deepEqual(before.prefixOf('国函')?.bodies, ['SC']);
      const loaded = loadPrefixes(`schemaVersion: 1\nprefixes:\n${entry('国市监', 'SAMR')}${entry('国函', 'SC, SC-GO')}${entry('国办函发', 'SC-GO')}`);
      assert.deepEqual(loaded.files, [{ path: 'team/document-number-prefixes.yaml', findings: [] }]);
      assert.deepEqual(loaded.catalogue.prefixOf('国市监质监规')?.bodies, ['SAMR']);
      assert.deepEqual(loaded.catalogue.prefixOf('国函')?.bodies, ['SC', 'SC-GO']);
      assert.equal(loaded.catalogue.prefixOf('国办函发')?.prefix, '国办函发', 'longer than the bundled 国办函');
      assert.equal(loaded.catalogue.prefixOf('国发')?.prefix, '国发', 'bundled prefixes the file does not name are kept');
    });

    it('a prefix written twice is an error at the second one and the file is not used', () => {
      const text = `schemaVersion: 1\nprefixes:\n${entry('国市监', 'SAMR')}${entry('国市监', 'MIIT')}`;
      const loaded = loadPrefixes(text);
      const [finding] = loaded.files[0].findings;
      assert.equal(finding.ruleId, 'catalogue.duplicate-id');
      assert.match(finding.message, /Duplicate prefix '国市监'/);
      assert.equal(finding.range.start.line, 6);
      assert.equal(loaded.catalogue.prefixOf('国市监'), undefined);
    });

    it('a body id that neither catalogue holds is a warning at that id; the file is used', () => {
      const loaded = loadPrefixes(`schemaVersion: 1\nprefixes:\n${entry('国市监', 'SAMR, SAMRX')}`);
      const findings = loaded.files[0].findings;
      assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, f.range.start.line, f.range.start.character, f.range.end.character]), [['catalogue.unknown-reference', 'warning', 3, 19, 24]]);
      assert.deepEqual(loaded.catalogue.prefixOf('国市监')?.bodies, ['SAMR', 'SAMRX']);
    });

    it('an entry the JSON Schema rejects (no source) is reported at its node and the file is not used', () => {
      const loaded = loadPrefixes('schemaVersion: 1\nprefixes:\n  - prefix: 国市监\n    bodies: [SAMR]\n    confidence: high\n');
      assert.ok(loaded.files[0].findings.some((f) => f.ruleId === 'catalogue.schema-violation' && /source/.test(f.message)), loaded.files[0].findings.map((f) => f.message).join('\n'));
      assert.equal(loaded.catalogue.prefixOf('国市监'), undefined);
    });
  });
});
