/**
 * The archive index in-process: incremental updates per brief, keys, exact ranges (CRLF, BOM,
 * Chinese text), references, symbols, lenses and the documents list.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ArchiveIndex, archiveDocuments, archiveLenses, archiveReferences, archiveSymbols, checkArchive, indexBrief, parseBrief, LineIndex } from '../../server/core/src/index';
import { defaultConfig, read, repoRoot } from '../support/config';

const config = defaultConfig().config;
const example = (name: string) => read(path.join(repoRoot, 'examples', 'archive', name));

function add(index: ArchiveIndex, id: string, text: string): void {
  index.set(indexBrief(id, parseBrief(text, config.schema), new LineIndex(text), { dateFormat: config.schema.topic.citation.dateFormat, catalogue: config.catalogue }));
}

function archive(): ArchiveIndex {
  const index = new ArchiveIndex();
  for (const name of ['2024-01.md', '2024-02.md', '2024-03.md']) add(index, name, example(name));
  return index;
}

describe('archive index', () => {
  it('keys documents by the normalised Chinese title, with exact ranges on CRLF and BOM text', () => {
    const index = new ArchiveIndex();
    const text = `\uFEFF${example('2024-03.md').replace(/\n/g, '\r\n')}`;
    add(index, 'a', text);
    const [citation] = index.citationsOf('zh:互联网信息服务管理办法');
    const { start, end } = citation.chinese!.range;
    assert.equal(text.slice(start.offset, end.offset), '互联网信息服务管理办法');
    assert.equal(start.line, 20);
    assert.equal(new LineIndex(text).offsetAt(start.line, start.character), start.offset);
    assert.equal(citation.day, '2000-09-25');
    assert.deepEqual(citation.bodyKeys, ['SC']);
    // 《》 and half-width brackets do not make another document.
    add(index, 'b', example('2024-01.md').replace('(互联网信息服务管理办法)', '(《互联网信息服务管理办法》)'));
    assert.equal(index.citationsOf('zh:互联网信息服务管理办法').length, 2);
  });

  it('updates one brief without touching the others, and forgets a removed brief', () => {
    const index = archive();
    const before = index.citationsOf('zh:互联网信息服务管理办法').filter((c) => c.briefId !== '2024-03.md');
    assert.equal(checkArchive(index, '2024-03.md', config).length, 1);
    add(index, '2024-03.md', example('2024-03.md').replace('Administrative Measures on Internet Information Services', 'Measures for the Administration of Internet Information Services'));
    assert.deepEqual(checkArchive(index, '2024-03.md', config), []);
    const after = index.citationsOf('zh:互联网信息服务管理办法').filter((c) => c.briefId !== '2024-03.md');
    assert.ok(before.every((c, i) => c === after[i]), 'the other briefs keep their entries (same objects)');
    assert.ok(index.remove('2024-01.md'));
    assert.equal(index.citationsOf('zh:互联网信息服务管理办法').length, 2);
    assert.equal(index.brief('2024-01.md'), undefined);
    assert.equal(index.size, 2);
  });

  it('compares dates as days and bodies as catalogue ids', () => {
    const index = archive();
    add(index, '2024-03.md', example('2024-03.md').replace('Administrative Measures on', 'Measures for the Administration of').replace('Date: September 25, 2000', 'Date: 2000-09-25').replace('Issuing bodies: SC', 'Issuing bodies: State Council'));
    assert.deepEqual(checkArchive(index, '2024-03.md', config).map((f) => f.ruleId), []);
    add(index, '2024-03.md', example('2024-03.md').replace('Administrative Measures on', 'Measures for the Administration of').replace('Issuing bodies: SC', 'Issuing bodies: SC, MIIT'));
    const [finding] = checkArchive(index, '2024-03.md', config);
    assert.equal(finding.ruleId, 'archive.details-mismatch');
    assert.match(finding.message, /Issued by 'SC, MIIT' here; 2 other briefs give 'SC'/);
    assert.equal(finding.fixes![0].edits[0].newText, 'SC');
  });

  it('offers the rendering of the other briefs as a fix, and leaves accepted catalogue renderings alone', () => {
    const [finding] = checkArchive(archive(), '2024-03.md', config);
    assert.deepEqual(finding.fixes!.map((f) => [f.title, f.edits[0].newText]), [['Use the rendering used in 2 other briefs', 'Measures for the Administration of Internet Information Services']]);
    assert.deepEqual(finding.related!.map((r) => [r.uri, r.range.start.line]), [['2024-01.md', 35], ['2024-02.md', 35]]);
  });

  it('finds references, lenses and symbols', () => {
    const index = archive();
    const text = example('2024-03.md');
    const offset = text.indexOf('互联网信息服务管理办法') + 1;
    assert.deepEqual(archiveReferences(index, '2024-03.md', offset).map((l) => l.briefId), ['2024-01.md', '2024-02.md', '2024-03.md']);
    assert.deepEqual(archiveReferences(index, '2024-03.md', offset, false).map((l) => l.briefId), ['2024-01.md', '2024-02.md']);
    assert.deepEqual(archiveReferences(index, '2024-03.md', text.indexOf('MERICS')), []);
    assert.deepEqual(archiveLenses(index, '2024-01.md').map((l) => l.title), ['cited in no other brief', 'cited in 2 other briefs']);
    assert.ok(archiveSymbols(index, 'overdue revision').some((s) => s.kind === 'topic' && s.briefId === '2024-03.md'));
    assert.ok(archiveSymbols(index, '生成式').some((s) => s.kind === 'document' && s.name.includes('生成式人工智能服务管理暂行办法')));
  });

  it('lists documents with renderings, uses, catalogue entries and conflicts', () => {
    const docs = archiveDocuments(archive(), config.catalogue);
    const iis = docs.find((d) => d.chinese === '互联网信息服务管理办法')!;
    assert.deepEqual(iis.renderings.map((r) => r.uses.map((u) => `${u.brief}:${u.line}`)), [['2024-01.md:36', '2024-02.md:36'], ['2024-03.md:21']]);
    assert.deepEqual(iis.conflicts, ['2 English renderings']);
    assert.equal(docs.find((d) => d.chinese === '生成式人工智能服务管理暂行办法')!.catalogueId, 'genai-services-interim-measures-2023');
  });

  it('archive votes follow replaced and removed briefs (the rules count each list once while it is unchanged)', () => {
    const brief = (headline: string) => `---\npolicy-brief: x\n---\n\n# Weekly\n\n## 1. ${headline}\n\n**At a glance:** Text.\n`;
    const index = new ArchiveIndex();
    add(index, 'a.md', brief('Robots get a standard plan'));
    add(index, 'b.md', brief('Robots get a standard plan'));
    const duplicates = () => checkArchive(index, 'a.md', config).filter((f) => f.ruleId === 'archive.duplicate-headline').map((f) => f.message);
    assert.equal(duplicates().length, 1);
    add(index, 'b.md', brief('Chips get a subsidy'));
    assert.deepEqual(duplicates(), [], 'b.md replaced: its old headline no longer counts');
    add(index, 'c.md', brief('Robots get a standard plan'));
    assert.equal(duplicates().length, 1);
    add(index, 'd.md', brief('Robots get a standard plan'));
    assert.match(duplicates()[0], /2 other briefs/);
    index.remove('c.md');
    assert.doesNotMatch(duplicates()[0], /2 other briefs/);
  });
});
