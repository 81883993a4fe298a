/**
 * The archive on the command line, run as users run it (`node bin/policy-brief.js`): archive
 * findings in `check` of several files or a folder, and `documents` in every format.
 */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { loadBundledCatalogue } from '../../server/src/config/projectConfig';
import { repoRoot } from '../support/config';

const bin = path.join(repoRoot, 'bin', 'policy-brief.js');

function run(args: string[], cwd = repoRoot): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  assert.doesNotMatch(result.stderr, /^\s+at .+\(.+:\d+:\d+\)$/m, `stack trace on stderr:\n${result.stderr}`);
  return result;
}

describe('the archive on the command line', function () {
  this.timeout(120_000);

  it('check of a folder reports the archive finding of examples/archive, with related locations in the other briefs', () => {
    const result = run(['check', '--format', 'json', 'examples/archive']);
    assert.equal(result.status, 0, 'a warning only');
    const results = JSON.parse(result.stdout) as { path: string; findings: { ruleId: string; range: { start: { line: number } }; related?: { uri?: string }[] }[] }[];
    const archive = results.flatMap((r) => r.findings.map((f) => ({ path: r.path, ...f }))).filter((f) => f.ruleId.startsWith('archive.'));
    assert.deepEqual(archive.map((f) => [f.path, f.range.start.line, f.ruleId]), [['examples/archive/2024-03.md', 20, 'archive.rendering-mismatch']]);
    assert.deepEqual(archive[0].related!.map((r) => r.uri), ['examples/archive/2024-01.md', 'examples/archive/2024-02.md']);
  });

  it('check of one file reports no archive finding; several named files are an archive', () => {
    assert.equal(run(['check', '--format', 'json', 'examples/archive/2024-03.md']).stdout.includes('archive.'), false);
    const two = run(['check', '--format', 'json', 'examples/archive/2024-01.md', 'examples/archive/2024-03.md']);
    assert.match(two.stdout, /archive\.rendering-mismatch/);
  });

  it('check of examples/ reports exactly the archive finding the markers expect (examples/mistakes turns the archive rules off)', () => {
    const results = JSON.parse(run(['check', '--format', 'json', 'examples/']).stdout) as { path: string; findings: { ruleId: string }[] }[];
    const archive = results.flatMap((r) => r.findings.filter((f) => f.ruleId.startsWith('archive.')).map((f) => `${r.path} ${f.ruleId}`));
    assert.deepEqual(archive, ['examples/archive/2024-03.md archive.rendering-mismatch']);
  });

  it('the human format names the other briefs', () => {
    const result = run(['check', '--no-color', 'examples/archive']);
    assert.match(result.stdout, /related: 36:10 'Measures for the Administration of Internet Information Services' in examples\/archive\/2024-01\.md/);
  });

  it('rules lists the archive rules', () => {
    assert.match(run(['rules']).stdout, /^archive\.rendering-mismatch\s+warning/m);
  });

  it('documents --format table lists each document with its renderings, uses and conflicts', () => {
    const result = run(['documents', 'examples/archive']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^互联网信息服务管理办法 {2}— 3 briefs, not in the catalogue, CONFLICTS: 2 English renderings$/m);
    assert.match(result.stdout, /^ {4}English: Administrative Measures on Internet Information Services {2}\(examples\/archive\/2024-03\.md:21\)$/m);
    assert.match(result.stdout, /^生成式人工智能服务管理暂行办法 {2}— 1 brief, catalogue: genai-services-interim-measures-2023$/m);
    assert.match(result.stdout, /3 documents, 1 with conflicts, 1 not in the catalogue\./);
  });

  it('documents --format json gives every document with renderings, bodies, dates and catalogue entry', () => {
    const [archive] = JSON.parse(run(['documents', '--format', 'json', 'examples/archive']).stdout);
    assert.equal(archive.briefs, 3);
    const doc = archive.documents.find((d: { chinese: string }) => d.chinese === '互联网信息服务管理办法');
    assert.deepEqual(doc.renderings.map((r: { value: string; uses: unknown[] }) => [r.value, r.uses.length]), [['Measures for the Administration of Internet Information Services', 2], ['Administrative Measures on Internet Information Services', 1]]);
    assert.deepEqual(doc.dates.map((d: { value: string }) => d.value), ['September 25, 2000']);
    assert.deepEqual(doc.issuingBodies.map((d: { value: string }) => d.value), ['SC']);
    // Each use at the line of its own value: Article 36, Issuing bodies 37, Date 38 in 2024-01.md.
    type Uses = { uses: { brief: string; line: number }[] }[];
    const linesIn = (values: Uses) => values.flatMap((v) => v.uses).filter((u) => u.brief.endsWith('2024-01.md')).map((u) => u.line);
    assert.deepEqual([linesIn(doc.renderings), linesIn(doc.issuingBodies), linesIn(doc.dates)], [[36], [37], [38]]);
    assert.equal(doc.catalogueId, undefined);
    assert.deepEqual(doc.links, ['https://www.gov.cn/gongbao/content/2000/content_60531.htm']);
  });

  it('a citation without its Chinese title is the same document when the catalogue knows its number or English title', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-archive-keys-'));
    try {
      fs.mkdirSync(path.join(dir, '.git'));
      const example = fs.readFileSync(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'), 'utf8');
      const brief = (article: string, bodies: string, date: string, extra: string, title: string) => example
        .replace(/^Article: .*$/m, `Article: ${article}`).replace(/^Issuing bodies: .*$/m, `Issuing bodies: ${bodies}`)
        .replace(/^Date: .*$/m, `Date: ${date}${extra}`).replace(/^# .*$/m, `# ${title}`).replace(/^## 1\. .*$/m, `## 1. Foundries in ${title}`);
      const catalogued = 'Guiding Opinions on Promoting the High-Quality Development of the Foundry and Forging Industries';
      fs.writeFileSync(path.join(dir, 'a.md'), brief(`${catalogued} (关于推动铸造和锻压行业高质量发展的指导意见) ([Link](https://example.org/a))`, 'MIIT, NDRC, MEE', 'April 14, 2023', '', 'April'));
      fs.writeFileSync(path.join(dir, 'b.md'), brief(`${catalogued} ([Link](https://example.org/a))`, 'MIIT, NDRC', 'April 15, 2023', '\nDocument number: 工信部联通装〔2023〕40号', 'May'));
      fs.writeFileSync(path.join(dir, 'c.md'), brief(`${catalogued} ([Link](https://example.org/a))`, 'MIIT, NDRC, MEE', 'April 14, 2023', '', 'June'));
      // The catalogue's as-issued form of the Chinese title (with the issuers before it) is the same document too.
      fs.writeFileSync(path.join(dir, 'd.md'), brief(`${catalogued} (工业和信息化部 国家发展改革委 生态环境部关于推动铸造和锻压行业高质量发展的指导意见) ([Link](https://example.org/a))`, 'MIIT, NDRC, MEE', 'April 16, 2023', '', 'July'));
      const [archive] = JSON.parse(run(['documents', '--format', 'json', '.'], dir).stdout);
      const foundry = archive.documents.filter((d: { catalogueId?: string }) => d.catalogueId === 'foundry-forging-guiding-opinions-2023');
      assert.equal(foundry.length, 1, JSON.stringify(archive.documents.map((d: { key: string }) => d.key)));
      assert.equal(foundry[0].briefCount, 4, 'by its Chinese title, its as-issued form, its document number, its English title');
      assert.deepEqual(foundry[0].dates.map((d: { value: string }) => d.value).sort(), ['April 14, 2023', 'April 15, 2023', 'April 16, 2023']);
      const checked = JSON.parse(run(['check', '--format', 'json', '.'], dir).stdout) as { path: string; findings: { ruleId: string; message: string }[] }[];
      const mismatches = checked.find((r) => r.path === 'b.md')!.findings.filter((f) => f.ruleId === 'archive.details-mismatch');
      assert.ok(mismatches.some((f) => /Dated 'April 15, 2023' here/.test(f.message)), JSON.stringify(mismatches));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents --format yaml writes a team policy-titles.yaml of the documents the catalogue lacks, valid against the schema', () => {
    const text = run(['documents', '--format', 'yaml', 'examples/archive']).stdout;
    const data = parse(text);
    assert.deepEqual(data.titles.map((t: { title_zh: string }) => t.title_zh), ['互联网信息服务管理办法']);
    const [entry] = data.titles;
    assert.equal(entry.title_en, 'Measures for the Administration of Internet Information Services');
    assert.deepEqual(entry.translations.map((t: { title: string }) => t.title), ['Measures for the Administration of Internet Information Services', 'Administrative Measures on Internet Information Services']);
    assert.match(entry.translations[0].by, /examples\/archive\/2024-01\.md, examples\/archive\/2024-02\.md/);
    assert.equal(entry.date, '2000-09-25');
    const loaded = loadBundledCatalogue({ policyTitles: { path: 'team/policy-titles.yaml', text } });
    assert.deepEqual(loaded.files.flatMap((f) => f.findings.map((x) => x.message)), []);
    assert.equal(loaded.catalogue.titlesByChinese('互联网信息服务管理办法')[0]?.id, entry.id);
  });

  it('skips unreadable and binary files in a folder without stopping', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-documents-'));
    try {
      for (const name of ['2024-01.md', '2024-03.md']) fs.copyFileSync(path.join(repoRoot, 'examples', 'archive', name), path.join(dir, name));
      fs.writeFileSync(path.join(dir, 'junk.md'), Buffer.from([0x23, 0x20, 0x00, 0xff]));
      fs.mkdirSync(path.join(dir, 'loop'));
      fs.symlinkSync(dir, path.join(dir, 'loop', 'back'), 'dir');
      const result = run(['documents', '--format', 'json', dir]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(JSON.parse(result.stdout)[0].briefs, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents without inputs is a usage error (exit 2)', () => {
    const result = run(['documents']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Name at least one file/);
  });
});
