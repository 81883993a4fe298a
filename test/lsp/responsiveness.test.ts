/**
 * Responsiveness and robustness over the real protocol: pathological Markdown (thousands of
 * unclosed `**`) is parsed off the main thread, so other documents' requests are answered
 * first; cancelled and malformed requests never take the server down.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionRequest, HoverRequest, DocumentSymbolRequest, DocumentDiagnosticRequest, CancellationTokenSource, type CompletionList } from 'vscode-languageserver-protocol/node';
import { TestClient, positionAt } from './support/client';

const brief = fs.readFileSync(path.join(__dirname, 'fixtures', 'brief.md'), 'utf8');

describe('LSP responsiveness', function () {
  this.timeout(60000);

  it('answers requests on another document while a pathological one is being parsed, and still diagnoses it', async () => {
    const client = new TestClient({ pull: false });
    try {
      await client.initialize([]);
      const heavy = 'untitled:pathological';
      await client.open(heavy, `${brief}\n## 3. Stars\n\n${'**a '.repeat(10000)}\n`);
      const light = 'untitled:light';
      const text = brief.replace('Issuing bodies: MITT, NDRC', 'Issuing bodies: gongxinbu');
      await client.open(light, text);
      const at = text.indexOf('gongxinbu') + 'gongxinbu'.length;
      const completion = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: light }, position: positionAt(text, at) })) as CompletionList;
      assert.equal(completion.items[0].label, 'MIIT');
      assert.equal(client.lastPublished(heavy), undefined, 'the light document was served before the heavy one was checked');
      const diagnostics = await client.waitFor(() => client.lastPublished(heavy, 1), 'diagnostics of the pathological document', 50000);
      assert.ok(diagnostics.diagnostics.some((d) => d.code === 'issuing-body.unknown'));
    } finally {
      await client.stop();
    }
  });

  it('honours $/cancelRequest on a diagnostic pull', async () => {
    const client = new TestClient({ pull: true });
    try {
      await client.initialize([]);
      const uri = 'untitled:cancel';
      await client.open(uri, brief);
      const source = new CancellationTokenSource();
      const pending = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
      source.cancel();
      await assert.rejects(pending, (error: { code?: number }) => error.code === -32800);
      // The server keeps serving the document.
      assert.ok((await client.diagnostics(uri)).length > 0);
    } finally {
      await client.stop();
    }
  });

  it('survives malformed requests and keeps serving', async () => {
    const client = new TestClient({ pull: true });
    try {
      await client.initialize([]);
      await assert.rejects(client.connection.sendRequest(HoverRequest.type, {} as never));
      await assert.rejects(client.connection.sendRequest('textDocument/documentSymbol', { textDocument: null }));
      await client.open('untitled:after-errors', brief);
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'untitled:after-errors' } });
      assert.ok(symbols && symbols.length > 0);
      assert.equal(client.process.exitCode, null);
    } finally {
      await client.stop();
    }
  });
});
