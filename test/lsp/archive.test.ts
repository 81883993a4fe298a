/**
 * The archive over the real LSP protocol, with a workspace folder on disk (a copy of
 * examples/archive plus files the discovery must skip): archive findings that change when
 * another brief changes on disk, references, definition, workspace symbols, code lenses.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, CodeLensRequest, DefinitionRequest, DidChangeWatchedFilesNotification, FileChangeType, ReferencesRequest, WorkspaceSymbolRequest, type Diagnostic, type Location } from 'vscode-languageserver-protocol/node';
import { TestClient, repoRoot } from './support/client';
import { loadBundledCatalogue } from '../../server/src/config/projectConfig';

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-archive-'));
  fs.cpSync(path.join(repoRoot, 'examples', 'archive'), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, 'notes'));
  for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(dir, 'notes', `note-${i}.md`), `# Note ${i}\n\nNot a brief.\n`);
  fs.writeFileSync(path.join(dir, 'notes', 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]));
  // Over the size limit (2 MB): skipped. Broken front matter: still a brief (numbered topics), indexed.
  fs.writeFileSync(path.join(dir, 'notes', 'huge.md'), `---\npolicy-brief: x\n---\n\n# Huge\n\n${'Lorem ipsum dolor sit amet. '.repeat(80_000)}\n`);
  fs.writeFileSync(path.join(dir, 'broken-front-matter.md'), '---\npolicy-brief: [unclosed\n---\n\n# Broken\n\n## 1. A topic of its own\n\nText.\n');
  fs.mkdirSync(path.join(dir, 'loop'));
  fs.symlinkSync(dir, path.join(dir, 'loop', 'back'), 'dir');
  return dir;
}

const uriOf = (dir: string, name: string) => pathToFileURL(path.join(dir, name)).href;

describe('The archive (LSP, workspace folder on disk)', function () {
  this.timeout(60000);
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = workspace();
    client = new TestClient({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'archive' }] });
    await client.initialize();
    await client.waitFor(() => client.logs.find((l) => /Archive: indexed 4 briefs/.test(l)), 'the archive discovery');
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Pulls diagnostics until `predicate` holds. */
  async function pullUntil(uri: string, predicate: (d: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
    const deadline = Date.now() + 15000;
    for (;;) {
      const diagnostics = await client.diagnostics(uri);
      if (predicate(diagnostics)) return diagnostics;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(diagnostics.map((d) => d.code))}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('logs what it skipped and survives a symbolic-link loop', () => {
    const log = client.logs.find((l) => /Archive: indexed 4 briefs/.test(l))!;
    assert.match(log, /\(50 not briefs\)/);
    assert.match(log, /1 binary/);
    assert.match(log, /1 too-large/);
    assert.ok(client.logs.some((l) => /Archive: skipped .*huge\.md \(too-large/.test(l)), 'the oversize file is named in the log');
  });

  it('reports an archive finding in an open brief, with related information in the other briefs', async () => {
    const uri = uriOf(dir, '2024-03.md');
    await client.open(uri, fs.readFileSync(path.join(dir, '2024-03.md'), 'utf8'));
    const diagnostics = await pullUntil(uri, (d) => d.some((x) => x.code === 'archive.rendering-mismatch'), 'the archive finding');
    const finding = diagnostics.find((d) => d.code === 'archive.rendering-mismatch')!;
    assert.equal(finding.range.start.line, 20);
    assert.match(finding.message as string, /2 other briefs, which use 'Measures for the Administration of Internet Information Services'/);
    assert.deepEqual(finding.relatedInformation!.map((r) => r.location.uri).sort(), [uriOf(dir, '2024-01.md'), uriOf(dir, '2024-02.md')]);
    assert.deepEqual(diagnostics.map((d) => d.code), ['archive.rendering-mismatch']);
  });

  it('lists every citation of a Chinese title across the archive (references), opened or not', async () => {
    const uri = uriOf(dir, '2024-03.md');
    const line = client.text(uri).split('\n')[20];
    const character = line.indexOf('互联网信息服务管理办法') + 2;
    const locations = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: { line: 20, character }, context: { includeDeclaration: true } }) as Location[];
    assert.deepEqual(locations.map((l) => l.uri).sort(), ['2024-01.md', '2024-02.md', '2024-03.md'].map((n) => uriOf(dir, n)));
    for (const l of locations) {
      const text = fs.readFileSync(new URL(l.uri), 'utf8').split('\n')[l.range.start.line];
      assert.equal(text.slice(l.range.start.character, l.range.end.character), '互联网信息服务管理办法');
    }
    const english = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: { line: 20, character: 12 }, context: { includeDeclaration: false } }) as Location[];
    assert.equal(english.length, 2, 'on the English title, without the brief itself');
  });

  it('lists the citations naming an issuing body (references)', async () => {
    const uri = uriOf(dir, '2024-03.md');
    const locations = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: { line: 21, character: 17 }, context: { includeDeclaration: true } }) as Location[];
    assert.equal(locations.length, 3);
  });

  it('goes to the catalogue entry of an issuing body and of a catalogued title (definition)', async () => {
    const uri = uriOf(dir, '2024-01.md');
    await client.open(uri, fs.readFileSync(path.join(dir, '2024-01.md'), 'utf8'));
    const lines = client.text(uri).split('\n');
    const bodiesLine = lines.findIndex((l) => l.startsWith('Issuing bodies: CAC'));
    const [body] = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: bodiesLine, character: 22 } }) as Location[];
    assert.ok(body.uri.endsWith('/data/issuing-bodies.yaml'), body.uri);
    const bodyText = fs.readFileSync(new URL(body.uri), 'utf8').split(/\r?\n/)[body.range.start.line];
    assert.match(bodyText, /^\s*- id: NDRC\s*$/);
    const articleLine = lines.findIndex((l) => l.includes('生成式人工智能服务管理暂行办法'));
    const [title] = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: articleLine, character: lines[articleLine].indexOf('生成式') + 1 } }) as Location[];
    assert.ok(title.uri.endsWith('/data/policy-titles.yaml'));
    const lineText = fs.readFileSync(new URL(title.uri), 'utf8').split(/\r?\n/);
    assert.match(lineText.slice(title.range.start.line, title.range.start.line + 3).join('\n'), /title_zh: 生成式人工智能服务管理暂行办法/);
  });

  it('finds topics by headline words and documents by pinyin (workspace symbols)', async () => {
    const topics = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'licence online' }) as { name: string; location: Location }[];
    assert.ok(topics.some((s) => s.name === 'The old licence regime for online services still frames new AI rules' && s.location.uri === uriOf(dir, '2024-01.md')), JSON.stringify(topics.map((s) => s.name)));
    const documents = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'hlwxxfwglbf' }) as { name: string }[];
    assert.ok(documents.some((s) => s.name.includes('互联网信息服务管理办法')), JSON.stringify(documents.map((s) => s.name)));
  });

  it('shows "cited in N other briefs" on each citation (code lens)', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(dir, '2024-01.md') } });
    assert.deepEqual(lenses!.map((l) => l.command?.title), ['cited in no other brief', 'cited in 2 other briefs']);
    const open = lenses![1].command!;
    assert.equal(open.command, 'policyBrief.showReferences');
    assert.equal((open.arguments![2] as Location[]).length, 2);
  });

  it("offers to add an uncatalogued document to the team's policy titles, with what the archive knows", async () => {
    const uri = uriOf(dir, '2024-03.md');
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, context: { diagnostics: [] } }) as { title: string; edit?: { documentChanges: ({ kind: string; uri: string } | { textDocument: { uri: string }; edits: { newText: string }[] })[] } }[];
    const add = actions.find((a) => a.title === "Add '互联网信息服务管理办法' to the team's policy titles");
    assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
    const target = pathToFileURL(path.join(dir, '.policy-brief', 'policy-titles.yaml')).href;
    assert.deepEqual(add.edit!.documentChanges[0], { kind: 'create', uri: target, options: { ignoreIfExists: true } });
    const change = add.edit!.documentChanges[1] as { textDocument: { uri: string }; edits: { newText: string }[] };
    assert.equal(change.textDocument.uri, target);
    const text = change.edits[0].newText;
    const loaded = loadBundledCatalogue({ policyTitles: { path: 'policy-titles.yaml', text } });
    assert.deepEqual(loaded.files.flatMap((f) => f.findings.map((x) => x.message)), []);
    const entry = loaded.catalogue.titlesByChinese('互联网信息服务管理办法')[0];
    assert.equal(entry.title_en, 'Measures for the Administration of Internet Information Services');
    assert.deepEqual(entry.issuing_bodies, ['SC']);
    assert.equal(entry.date, '2000-09-25');
    assert.deepEqual(entry.source, ['https://www.gov.cn/gongbao/content/2000/content_60531.htm']);
    const catalogued = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf(dir, '2024-01.md') }, range: { start: { line: 21, character: 0 }, end: { line: 21, character: 0 } }, context: { diagnostics: [] } }) as { title: string }[];
    assert.ok(!catalogued.some((a) => /policy titles/.test(a.title)), 'not offered for a catalogued document');
  });

  it('updates the findings when another brief changes on disk', async () => {
    const uri = uriOf(dir, '2024-03.md');
    for (const name of ['2024-01.md', '2024-02.md']) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Measures for the Administration of Internet Information Services (', 'Administrative Measures on Internet Information Services ('));
    }
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: ['2024-02.md'].map((n) => ({ uri: uriOf(dir, n), type: FileChangeType.Changed as FileChangeType })) });
    // 2024-03.md now agrees with 2024-02.md; 2024-01.md is open, and its open text (the old rendering) wins over the disk.
    await pullUntil(uri, (d) => !d.some((x) => x.code === 'archive.rendering-mismatch'), 'no finding in 2024-03.md once 2024-02.md agrees');
    const first = uriOf(dir, '2024-01.md');
    await pullUntil(first, (d) => d.some((x) => x.code === 'archive.rendering-mismatch' && /2 other briefs, which use 'Administrative Measures/.test(x.message as string)), 'the finding in the open 2024-01.md');
    await client.close(first);
    fs.rmSync(path.join(dir, '2024-02.md'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(dir, '2024-02.md'), type: FileChangeType.Deleted }] });
    const references = () => client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: { line: 20, character: 12 }, context: { includeDeclaration: true } }) as Promise<Location[]>;
    let locations = await references();
    for (let i = 0; i < 100 && locations.length !== 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      locations = await references();
    }
    assert.deepEqual(locations.map((l) => l.uri).sort(), [uriOf(dir, '2024-01.md'), uri], 'the deleted brief left the archive');
  });
});
