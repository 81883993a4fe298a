/**
 * A start-up burst over the real protocol: when many briefs open at once (a window reload), the
 * document the user looks at — the one opened or requested last — is checked first, instead of
 * waiting behind all the others. Asserts orders of messages, never times.
 */
import * as assert from 'node:assert/strict';
import { DocumentDiagnosticRequest } from 'vscode-languageserver-protocol/node';
import { TestClient, exampleBrief } from './support/client';

const background = Array.from({ length: 16 }, (_, i) => `untitled:background-${i}`);
const visible = 'untitled:visible';

describe('LSP start-up burst', function () {
  this.timeout(120000);

  it('push: of 17 briefs opened at once, the one opened last is published first', async () => {
    const client = new TestClient({ pull: false });
    try {
      await client.initialize([]);
      for (const uri of background) await client.open(uri, exampleBrief);
      await client.open(visible, exampleBrief.replace('# ', '# Visible: '));
      await client.waitFor(() => [...background, visible].every((uri) => client.lastPublished(uri, 1)), 'diagnostics of all 17 briefs', 100000);
      const order = client.published.map((p) => p.uri).filter((uri, i, all) => all.indexOf(uri) === i);
      assert.equal(order[0], visible, `publication order: ${order.join(', ')}`);
    } finally {
      await client.stop();
    }
  });

  it('pull: of 17 diagnostic pulls sent at once, the one sent last is answered first', async () => {
    const client = new TestClient({ pull: true });
    try {
      await client.initialize([]);
      await client.open(visible, exampleBrief.replace('# ', '# Visible: '));
      for (const uri of background) await client.open(uri, exampleBrief);
      const answered: string[] = [];
      await Promise.all([...background, visible].map((uri) => client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }).then((report) => {
        assert.equal(report.kind, 'full');
        answered.push(uri);
      })));
      assert.equal(answered[0], visible, `answer order: ${answered.join(', ')}`);
    } finally {
      await client.stop();
    }
  });
});
