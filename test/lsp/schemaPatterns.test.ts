/**
 * A team's schema patterns in the language server (pitfall: a pattern that backtracks
 * catastrophically must not hang the server): with a citation line pattern `^(\w+\s?)+ \| …`
 * and a brief holding a long prose line that ends in `!`, every request is answered; a capture
 * nothing reads is a warning-severity diagnostic in the schema file, and the schema is used.
 * Completion of issuing bodies where a citation-line pattern captures them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionRequest, DiagnosticSeverity, DocumentSymbolRequest, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TestClient, applyLspEdits, positionAt, tempFolder, fileUri } from './support/client';
import { repoRoot } from '../support/config';

const example = path.join(repoRoot, 'examples', 'publications', 'policy-tracker', 'policy-tracker-2022-12.md');

describe('LSP team schema patterns', function () {
  this.timeout(120_000);
  let root: string;
  beforeEach(() => {
    root = tempFolder();
    fs.mkdirSync(path.join(root, '.git'));
    fs.mkdirSync(path.join(root, '.policy-brief'));
    fs.writeFileSync(path.join(root, '.policy-brief', 'issue-schema.yaml'), [
      'schemaVersion: 1',
      'extends: policy-tracker',
      'topic:',
      '  citation:',
      '    lines:',
      '      - id: team-date',
      '        pattern: "^(\\\\w+\\\\s?)+ \\\\| (?<date>.+)$"',
      '      - id: team-area',
      '        pattern: "^Area: (?<area>.+)$"',
      '',
    ].join('\n'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a brief with a long prose line is answered (diagnostics, documentSymbol); the unread capture is a warning in the schema file', async () => {
    const client = new TestClient({ pull: true });
    try {
      await client.initialize([{ uri: fileUri(root), name: 'team' }]);
      const brief = path.join(root, 'issue.md');
      const prose = `${'word '.repeat(19)}word!`;
      const text = fs.readFileSync(example, 'utf8').replace('which take effect in September. Who must apply:', `which take effect in September.\n${prose}\nWho must apply:`);
      fs.writeFileSync(brief, text);
      await client.open(fileUri(brief), text);
      assert.deepEqual(await client.diagnostics(fileUri(brief)), [], 'the brief is checked with the team schema, the prose line is prose');
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: fileUri(brief) } });
      assert.ok(Array.isArray(symbols) && symbols.length > 0, 'documentSymbol is answered');
      const schema = fileUri(path.join(root, '.policy-brief', 'issue-schema.yaml'));
      const published = await client.waitFor(() => { const p = client.lastPublished(schema); return p && p.diagnostics.length ? p : undefined; }, 'a diagnostic in the schema file');
      assert.deepEqual(published.diagnostics.map((d) => [d.severity, d.range.start.line]), [[DiagnosticSeverity.Warning, 8]]);
      assert.match(String(published.diagnostics[0].message), /nothing reads the capture 'area'/);
    } finally {
      await client.stop();
    }
  });
});

/**
 * A server with one workspace folder whose team schema extends the bundled publication schema
 * `publication`, started before the suite's tests and stopped after them.
 */
function teamServer(publication: string): { root: string; client: TestClient } {
  const team = { root: '', client: undefined as unknown as TestClient };
  before(async () => {
    team.root = tempFolder();
    fs.mkdirSync(path.join(team.root, '.git'));
    fs.mkdirSync(path.join(team.root, '.policy-brief'));
    fs.writeFileSync(path.join(team.root, '.policy-brief', 'issue-schema.yaml'), `schemaVersion: 1\nextends: ${publication}\n`);
    team.client = new TestClient({ pull: true });
    await team.client.initialize([{ uri: fileUri(team.root), name: 'team' }]);
  });
  after(async () => {
    await team.client.stop();
    fs.rmSync(team.root, { recursive: true, force: true });
  });
  return team;
}

describe('LSP completion of issuing bodies in a schema pattern capture', function () {
  this.timeout(120_000);
  const team = teamServer('policy-tracker');

  it('on a `CAC, MI | 11.2022` line after emoji and Chinese text, CRLF: MIIT first, the edit replaces exactly `, MI` (with the schema separator)', async () => {
    const brief = path.join(team.root, 'issue.md');
    const text = fs.readFileSync(example, 'utf8')
      .replace('# Policy tracker: the second half of 2022', '# Policy tracker 😀 数据: the second half of 2022')
      .replace('CAC, MIIT, MPS | 11.2022', 'CAC, MI | 11.2022')
      .replace(/\n/g, '\r\n');
    fs.writeFileSync(brief, text);
    await team.client.open(fileUri(brief), text);
    const offset = text.indexOf('CAC, MI | 11.2022') + 'CAC, MI'.length;
    const result = (await team.client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: fileUri(brief) }, position: positionAt(text, offset) })) as CompletionList | null;
    const items = result?.items ?? [];
    assert.equal(items[0]?.label, 'MIIT', `first of: ${items.map((i) => i.label).join(' ')}`);
    const edit = items[0].textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: positionAt(text, offset - ', MI'.length), end: positionAt(text, offset) });
    assert.equal(edit.newText, ', MIIT');
    const accepted = applyLspEdits(text, [edit, ...(items[0].additionalTextEdits ?? [])]);
    assert.ok(accepted.includes('\r\nCAC, MIIT | 11.2022\r\n'), 'the line keeps its date and its CRLF');
  });
});

describe('LSP completion of issuing bodies in a topic heading (china-tmt-update)', function () {
  this.timeout(120_000);
  const team = teamServer('china-tmt-update');

  it('after a full name that contains "and" (`The Ministry of Industry and Information Technology and fag`), CRLF: the edit replaces exactly `fag`, the first body stays', async () => {
    const brief = path.join(team.root, 'update.md');
    const heading = '## 1. The Ministry of Industry and Information Technology and fag issued a plan for the data trade 📈 (28 December)';
    const text = ['---', 'date: 2024-01-10', '---', '', '# China TMT update 数据: November–December 2023', '', 'Two months of rules.', '', heading, '', 'The ministry published a plan for data exchanges.', ''].join('\r\n');
    fs.writeFileSync(brief, text);
    await team.client.open(fileUri(brief), text);
    const offset = text.indexOf('Technology and fag') + 'Technology and fag'.length;
    const result = (await team.client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: fileUri(brief) }, position: positionAt(text, offset) })) as CompletionList | null;
    const items = result?.items ?? [];
    const ndrc = items.find((i) => i.label === 'NDRC');
    assert.ok(ndrc, `NDRC missing: ${items.map((i) => i.label).join(' ')}`);
    const edit = ndrc.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: positionAt(text, offset - 'fag'.length), end: positionAt(text, offset) });
    const accepted = applyLspEdits(text, [edit, ...(ndrc.additionalTextEdits ?? [])]);
    assert.ok(accepted.includes('\r\n## 1. The Ministry of Industry and Information Technology and NDRC issued a plan for the data trade 📈 (28 December)\r\n'), accepted);
  });
});
