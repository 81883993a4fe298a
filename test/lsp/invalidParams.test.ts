/**
 * Invalid request parameters over the real protocol: every request method the server handles
 * answers malformed params with -32602 (InvalidParams), never with an internal error or a
 * result built from them (a fractional position once gave `character: null`); positions past
 * the end of a line or of the document are valid and clamped, as LSP says.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ErrorCodes } from 'vscode-languageserver-protocol/node';
import { TestClient, positionAt } from './support/client';
import { PARAM_SCHEMAS } from '../../server/src/lsp/params';

const brief = fs.readFileSync(path.join(__dirname, 'fixtures', 'brief.md'), 'utf8');
const uri = 'untitled:params';
const doc = { uri };
const at = { line: 1, character: 0 };

/** Malformed params per method; every method the server handles appears here. */
const invalid: Record<string, unknown[]> = {
  'textDocument/diagnostic': [{}, null, undefined, { textDocument: { uri: 7 } }],
  'textDocument/codeAction': [null, undefined, {}, { textDocument: doc, range: { start: at, end: { line: 1.5, character: 0 } }, context: { diagnostics: [] } }, { textDocument: doc, range: { start: at, end: at } }],
  'textDocument/completion': [{ textDocument: doc, position: { line: 1.5, character: 0.5 } }, { textDocument: doc, position: { line: -1, character: 0 } }, { textDocument: doc }, { textDocument: doc, position: { line: 0, character: '3' } }],
  'completionItem/resolve': [{}, { label: 3 }, null],
  'textDocument/hover': [{}, { textDocument: doc, position: { line: 0, character: -4 } }, { textDocument: doc, position: { line: 2 ** 31, character: 0 } }],
  'textDocument/documentSymbol': [{ textDocument: null }, []],
  'textDocument/foldingRange': [{}, 'x'],
  'textDocument/documentLink': [{ textDocument: {} }],
  'textDocument/references': [{ textDocument: doc, position: at }, { textDocument: doc, position: { line: 0.5, character: 0 }, context: { includeDeclaration: true } }, null],
  'textDocument/definition': [{ textDocument: doc }, { textDocument: doc, position: { line: -2, character: 0 } }],
  'textDocument/codeLens': [{}, { textDocument: { uri: 3 } }],
  'workspace/symbol': [{}, { query: 5 }, null],
  'workspace/executeCommand': [{}, { command: 'policyBrief.server.showRuleDocs', arguments: 'date.invalid' }],
  'policyBrief/isBrief': [{}, { uri: null }],
  'policyBrief/briefStatus': [{}, { uri: 42 }],
};

/** Asserts that `value` holds no position with a non-integer line or character. */
function assertWholePositions(value: unknown, where = 'result'): void {
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if ('line' in record && 'character' in record) {
    assert.ok(Number.isInteger(record.line) && Number.isInteger(record.character), `${where}: ${JSON.stringify(record)}`);
  }
  for (const [key, child] of Object.entries(record)) assertWholePositions(child, `${where}.${key}`);
}

describe('LSP invalid params', function () {
  this.timeout(60000);
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: true });
    await client.initialize([]);
    await client.open(uri, brief.replace('Issuing bodies: MITT, NDRC', 'Issuing bodies: gongxinbu'));
  });
  after(() => client.stop());

  it('covers every method that has a parameter schema', () => {
    assert.deepEqual(Object.keys(invalid).sort(), Object.keys(PARAM_SCHEMAS).sort());
  });

  for (const [method, cases] of Object.entries(invalid)) {
    it(`${method}: answers malformed params with -32602`, async () => {
      for (const params of cases) {
        await assert.rejects(client.connection.sendRequest(method, params), (error: { code?: number; message?: string }) => {
          assert.equal(error.code, ErrorCodes.InvalidParams, `${JSON.stringify(params)} → ${error.code} ${error.message}`);
          // Arrays and scalars are refused by JSON-RPC itself (params by position); objects by the server's schema.
          if (params !== null && typeof params === 'object' && !Array.isArray(params)) assert.match(error.message ?? '', new RegExp(`^Invalid params of ${method.replace('/', '\\/')}: params`));
          return true;
        });
      }
    });
  }

  it('answers "params": null sent on the wire (not wrapped by a client library) with -32602', async () => {
    for (const method of ['textDocument/codeAction', 'textDocument/diagnostic', 'textDocument/hover']) {
      const id = `raw-${method}`;
      const body = JSON.stringify({ jsonrpc: '2.0', id, method, params: null });
      let seen = '';
      const reply = new Promise<{ error?: { code: number; message: string } }>((resolve) => {
        const listener = (data: Buffer) => {
          seen += data.toString('utf8');
          const match = new RegExp(`\\{[^{}]*"id":"${id}"[^{}]*(\\{[^{}]*\\})?[^{}]*\\}`).exec(seen);
          if (!match) return;
          client.process.stdout!.off('data', listener);
          resolve(JSON.parse(match[0]));
        };
        client.process.stdout!.on('data', listener);
      });
      client.process.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const { error } = await reply;
      assert.equal(error?.code, ErrorCodes.InvalidParams, `${method}: ${JSON.stringify(error)}`);
      assert.match(error!.message, /^Invalid params of .*: params must be object\.$/);
    }
  });

  it('clamps positions past the end of a line or of the document, and answers with whole-number positions', async () => {
    const text = client.text(uri);
    const line = positionAt(text, text.indexOf('gongxinbu')).line;
    const completion = await client.connection.sendRequest('textDocument/completion', { textDocument: doc, position: { line, character: 10_000 } });
    assert.ok(completion && (completion as { items: unknown[] }).items.length > 0, 'completion at the clamped end of the line');
    assertWholePositions(completion);
    for (const method of ['textDocument/completion', 'textDocument/hover']) {
      assertWholePositions(await client.connection.sendRequest(method, { textDocument: doc, position: { line: 100_000, character: 100_000 } }));
    }
    const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: doc, range: { start: { line: 0, character: 0 }, end: { line: 100_000, character: 5 } }, context: { diagnostics: [] } });
    assert.ok(Array.isArray(actions) && actions.length > 0);
    assertWholePositions(actions);
    assert.equal(client.process.exitCode, null);
  });
});
