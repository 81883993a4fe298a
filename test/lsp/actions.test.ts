/**
 * Code actions, hover and outline over the real protocol: quick fixes applied and re-checked,
 * fix-all equal to fixes applied one by one (LF and CRLF, line endings kept), add an unknown
 * body to the team catalogue, hover on bodies/titles/labels, symbols, folding, links.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionRequest, HoverRequest, DocumentSymbolRequest, FoldingRangeRequest, DocumentLinkRequest, DidChangeWatchedFilesNotification, FileChangeType,
  type CodeAction, type TextDocumentEdit, type TextEdit, type Diagnostic, type DocumentSymbol, type CreateFile, type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { TestClient, applyLspEdits, positionAt, tempFolder, fileUri, exampleBrief } from './support/client';
import { lineEndingVariants } from '../support/config';

const brief = fs.readFileSync(path.join(__dirname, 'fixtures', 'brief.md'), 'utf8');
/** A brief with several fixable findings on one line and across the document. */
const fixable = brief
  .replace('Issuing bodies: MITT, NDRC', 'Issuing bodies: MITT，NDRC、MEE')
  .replace('Date: December 2, 2022', 'Date: 2022-12-02');

async function actions(client: TestClient, uri: string, diagnostics: Diagnostic[], range = diagnostics[0]?.range, only?: string[]): Promise<CodeAction[]> {
  const result = await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics, only },
  });
  return (result ?? []) as CodeAction[];
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const changes = action.edit!.documentChanges! as TextDocumentEdit[];
  return changes.filter((c) => 'textDocument' in c && c.textDocument.uri === uri).flatMap((c) => c.edits as TextEdit[]);
}

describe('LSP code actions', function () {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: true });
    await client.initialize([]);
  });
  after(async () => client.stop());

  for (const variant of lineEndingVariants(fixable).slice(0, 2)) {
    it(`applies a quick fix and the re-check drops the finding (${variant.name})`, async () => {
      const uri = `untitled:quickfix-${variant.name}`;
      await client.open(uri, variant.text);
      const diagnostics = await client.diagnostics(uri);
      const unknown = diagnostics.find((d) => d.code === 'issuing-body.unknown')!;
      const fixes = await actions(client, uri, [unknown], unknown.range, ['quickfix']);
      const replace = fixes.find((a) => a.title === "Replace with 'MIIT'");
      assert.ok(replace, fixes.map((a) => a.title).join(' | '));
      assert.equal(replace.kind, 'quickfix');
      assert.equal(replace.isPreferred, true);
      assert.equal(replace.diagnostics?.[0].code, 'issuing-body.unknown');
      const edited = applyLspEdits(client.text(uri), editsOf(replace, uri));
      await client.replace(uri, edited);
      const after = await client.diagnostics(uri);
      assert.ok(!after.some((d) => d.code === 'issuing-body.unknown'), JSON.stringify(after.map((d) => d.code)));
      if (variant.name === 'CRLF') assert.ok(!/[^\r]\n/.test(edited), 'CRLF kept');
      await client.close(uri);
    });

    it(`fix all equals applying the preferred fixes one by one (${variant.name})`, async () => {
      const uri = `untitled:fixall-${variant.name}`;
      await client.open(uri, variant.text);
      const diagnostics = await client.diagnostics(uri);
      const [all] = await actions(client, uri, [], undefined, ['source.fixAll.policyBrief']);
      assert.ok(all, 'a fix-all action');
      assert.equal(all.kind, 'source.fixAll.policyBrief');
      const atOnce = applyLspEdits(variant.text, editsOf(all, uri));
      // One by one: apply the first preferred quick fix, re-check, repeat.
      let text = variant.text;
      let current = diagnostics;
      for (let round = 0; round < 20; round++) {
        let applied = false;
        for (const diagnostic of current) {
          const fixes = await actions(client, uri, [diagnostic], diagnostic.range, ['quickfix']);
          const preferred = fixes.find((a) => a.isPreferred && a.diagnostics?.some((d) => d.code === diagnostic.code));
          if (!preferred) continue;
          text = applyLspEdits(text, editsOf(preferred, uri));
          await client.replace(uri, text);
          current = await client.diagnostics(uri);
          applied = true;
          break;
        }
        if (!applied) break;
      }
      assert.equal(atOnce, text);
      assert.notEqual(atOnce, variant.text);
      if (variant.name === 'CRLF') assert.ok(!/[^\r]\n/.test(atOnce), 'CRLF kept');
      await client.close(uri);
    });
  }
});

describe('LSP add to team catalogue', function () {
  it("creates .policy-brief/issuing-bodies.yaml with a stub, and the finding goes once the file exists", async () => {
    const workspace = tempFolder();
    fs.mkdirSync(path.join(workspace, '.git'));
    const client = new TestClient({ pull: true });
    try {
      await client.initialize([{ uri: fileUri(workspace), name: 'ws' }]);
      const file = path.join(workspace, 'issue.md');
      const text = brief.replace('MITT, NDRC', 'XYZB, NDRC');
      fs.writeFileSync(file, text);
      const uri = fileUri(file);
      await client.open(uri, text);
      const diagnostics = await client.diagnostics(uri);
      const unknown = diagnostics.find((d) => d.code === 'issuing-body.unknown')!;
      const found = await actions(client, uri, [unknown], unknown.range, ['quickfix']);
      const add = found.find((a) => a.title === "Add 'XYZB' to the team catalogue");
      assert.ok(add, found.map((a) => a.title).join(' | '));
      const catalogue = path.join(workspace, '.policy-brief', 'issuing-bodies.yaml');
      const changes = add.edit!.documentChanges!;
      assert.equal((changes[0] as CreateFile).kind, 'create');
      assert.equal((changes[0] as CreateFile).uri, fileUri(catalogue));
      // Apply it as a client would, then tell the server.
      fs.mkdirSync(path.dirname(catalogue), { recursive: true });
      fs.writeFileSync(catalogue, applyLspEdits('', (changes[1] as TextDocumentEdit).edits as TextEdit[]));
      assert.match(fs.readFileSync(catalogue, 'utf8'), /- id: XYZB[\s\S]*source: \[TODO\]/);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(catalogue), type: FileChangeType.Created }] });
      await client.waitFor(() => client.refreshes > 0, 'a diagnostic refresh');
      const after = await client.diagnostics(uri);
      assert.ok(!after.some((d) => d.code === 'issuing-body.unknown'), JSON.stringify(after.map((d) => d.message)));
      // A second unknown body is appended to the same file, keeping its entries.
      await client.replace(uri, text.replace('XYZB, NDRC', 'XYZB, QQQB'));
      const second = (await client.diagnostics(uri)).find((d) => d.code === 'issuing-body.unknown')!;
      const append = (await actions(client, uri, [second], second.range, ['quickfix'])).find((a) => a.title === "Add 'QQQB' to the team catalogue")!;
      const [edit] = append.edit!.documentChanges! as TextDocumentEdit[];
      const appended = applyLspEdits(fs.readFileSync(catalogue, 'utf8'), edit.edits as TextEdit[]);
      assert.match(appended, /- id: XYZB[\s\S]*- id: QQQB/);
      fs.writeFileSync(catalogue, appended);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(catalogue), type: FileChangeType.Changed }] });
      await client.waitFor(() => client.refreshes > 1, 'a second refresh');
      assert.ok(!(await client.diagnostics(uri)).some((d) => d.code === 'issuing-body.unknown'));
    } finally {
      await client.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('LSP hover and outline', function () {
  let client: TestClient;
  const uri = 'untitled:outline';
  before(async () => {
    client = new TestClient({ pull: true });
    await client.initialize([]);
    await client.open(uri, exampleBrief.replace(/\n/g, '\r\n'));
  });
  after(async () => client.stop());

  async function hoverAt(needle: string, delta = 1): Promise<string | undefined> {
    const text = client.text(uri);
    const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionAt(text, text.indexOf(needle) + delta) });
    return (result?.contents as MarkupContent | undefined)?.value;
  }

  it('hovers an issuing body with names, level, dates, predecessors and source, in words', async () => {
    const value = await hoverAt('Issuing bodies: MIIT', 17);
    assert.match(value!, /Ministry of Industry and Information Technology\*\* · 工业和信息化部/);
    // The level and the sources in words and links, not the catalogue's keys.
    assert.match(value!, /Level: One of the 26 ministries.*国务院组成部门/);
    assert.match(value!, /Existed: 2008-03 – today/);
    assert.match(value!, /Predecessors: .*MII \(信息产业部\)/);
    assert.match(value!, /Sources: \[itlaw\.wikia\.org\]\(https:\/\/itlaw\.wikia\.org\//);
    assert.doesNotMatch(value!, /constituent-department|itlaw-miit/);
  });

  it('hovers a Chinese and an English policy title known to the catalogue', async () => {
    const zh = await hoverAt('关于推动铸造和锻压行业高质量发展的指导意见', 3);
    assert.match(zh!, /Guiding Opinions on Promoting the High-Quality Development of the Foundry and Forging Industries/);
    assert.match(zh!, /Date: 2023-04-14/);
    const en = await hoverAt('Article: Guiding Opinions', 12);
    assert.match(en!, /关于推动铸造和锻压行业高质量发展的指导意见/);
  });

  it("hovers a title with the catalogue's document number, and a local issuer as local", async () => {
    const zh = await hoverAt('关于推动铸造和锻压行业高质量发展的指导意见', 3);
    assert.match(zh!, /Document number: 工信部联通装〔2023〕40号/);
    const local = 'untitled:local-issuer';
    await client.open(local, exampleBrief.replace('Issuing bodies: MIIT', "Issuing bodies: Guangdong Provincial Department of Industry and Information Technology, MIIT"));
    const text = client.text(local);
    const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: local }, position: positionAt(text, text.indexOf('Guangdong Provincial') + 3) });
    assert.match((result?.contents as MarkupContent).value, /A local issuer: a department of the government of Guangdong \(广东省, province\)/);
  });

  it('hovers a part label with what the schema expects', async () => {
    const value = await hoverAt('**At a glance:**', 4);
    assert.match(value!, /At a glance.*required.*key points 2–6/);
  });

  it('lists topics with their parts and citations as document symbols', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const topics = symbols.filter((s) => s.kind === 3);
    assert.equal(topics.length, 5);
    assert.match(topics[0].name, /^1\. Heavy metal/);
    assert.deepEqual(topics[0].children!.map((c) => c.name.slice(0, 20)), ['At a glance', 'MERICS comment', 'Guiding Opinions on ']);
    const text = client.text(uri);
    assert.equal(topics[0].selectionRange.start.line, positionAt(text, text.indexOf('## 1.')).line);
  });

  it('folds each topic and part, and links citation URLs', async () => {
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    const text = client.text(uri);
    const topicLine = positionAt(text, text.indexOf('## 2.')).line;
    assert.ok(folds!.some((f) => f.startLine === topicLine && f.endLine > topicLine + 5));
    const glanceLine = positionAt(text, text.indexOf('**At a glance:**')).line;
    assert.ok(folds!.some((f) => f.startLine === glanceLine));
    const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
    assert.equal(links!.length, 5);
    const first = links![0];
    const start = text.indexOf('https://www.miit.gov.cn');
    assert.deepEqual(first.range.start, positionAt(text, start));
    assert.equal(first.target, text.slice(start, text.indexOf(')', start)));
  });
});
