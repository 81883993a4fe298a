/**
 * Deep nesting over the real protocol: briefs with thousands of nested block quotes or list
 * items (which used to overflow the stack, or lose the failure on the parse worker's path) get
 * an answer to every request, a `structure.markdown-limit` diagnostic, and the checks that still
 * run on the rest of the brief.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { TestClient, positionAt } from './support/client';

const brief = fs.readFileSync(path.join(__dirname, 'fixtures', 'brief.md'), 'utf8');

/** The fixture brief with a typo in an issuing body and `deep` appended as a third topic. */
function withDeepTopic(deep: string, padding = 0): string {
  const filler = Array.from({ length: padding }, (_, i) => `Filler paragraph ${i} so that the topic goes to the parse worker.`).join('\n\n');
  return `${brief.replace('Issuing bodies: MITT, NDRC', 'Issuing bodies: gongxinbu')}\n## 3. Deep\n\n${filler}\n\n${deep}\n`;
}

const cases: { name: string; text: string }[] = [
  { name: '2,000 nested block quotes on one line', text: withDeepTopic(`${'> '.repeat(2000)}x`) },
  { name: '10,000 nested block quotes on one line', text: withDeepTopic(`${'> '.repeat(10000)}x`) },
  { name: '1,200 nested block quotes, one more per line', text: withDeepTopic(Array.from({ length: 1200 }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n')) },
  { name: '3,000 nested list items on one line', text: withDeepTopic(`${'- '.repeat(3000)}x`) },
  { name: '2,000 nested block quotes in a topic long enough for the parse worker', text: withDeepTopic(`${'> '.repeat(2000)}x`, 200) },
];

describe('LSP deep nesting', function () {
  this.timeout(120000);

  for (const { name, text } of cases) {
    it(`${name}: diagnostic, documentSymbol, foldingRange, hover and codeAction are answered`, async () => {
      const client = new TestClient({ pull: true });
      try {
        await client.initialize([]);
        const uri = 'untitled:deep';
        await client.open(uri, text);
        const diagnostics: Diagnostic[] = await client.diagnostics(uri);
        const limit = diagnostics.find((d) => d.code === 'structure.markdown-limit');
        assert.ok(limit, `a structure.markdown-limit diagnostic: ${JSON.stringify(diagnostics.map((d) => d.code))}`);
        const lines = text.split('\n');
        assert.ok(limit.range.start.line > positionAt(text, text.indexOf('## 3. Deep')).line && /^[>-]/.test(lines[limit.range.start.line]), 'at a deep line of the third topic');
        // The checks still run on the rest of the brief.
        assert.ok(diagnostics.some((d) => d.code === 'issuing-body.unknown'), 'the other topics are still checked');
        const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
        assert.ok(Array.isArray(symbols) && symbols.some((s) => s.name.includes('Deep')), 'the deep topic is in the outline');
        const folding = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
        assert.ok(Array.isArray(folding) && folding.length > 0);
        const body = text.indexOf('gongxinbu') + 2;
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionAt(text, text.lastIndexOf('x')) });
        assert.ok(hover === null || typeof hover === 'object');
        const actions = await client.connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri },
          range: { start: positionAt(text, body), end: positionAt(text, body) },
          context: { diagnostics: diagnostics.filter((d) => d.code === 'issuing-body.unknown') },
        });
        assert.ok(Array.isArray(actions));
        assert.equal(client.process.exitCode, null);
      } finally {
        await client.stop();
      }
    });
  }

  it('publishes the diagnostics of a deep brief (push mode, the parse worker path)', async () => {
    const client = new TestClient({ pull: false });
    try {
      await client.initialize([]);
      const uri = 'untitled:deep-push';
      await client.open(uri, cases[4].text);
      const published = await client.waitFor(() => client.lastPublished(uri, 1), 'diagnostics of the deep brief', 100000);
      assert.ok(published.diagnostics.some((d) => d.code === 'structure.markdown-limit'));
    } finally {
      await client.stop();
    }
  });
});
