/**
 * Bundled publication schemas in the language server: a workspace whose team schema says
 * `extends: china-tmt-update` (a copy of examples/publications/china-tmt-update) gets the findings
 * of that format, and a misspelt name is a diagnostic at the `extends` value of the schema file,
 * naming the bundled schemas, while the brief is checked with the default.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { TestClient, tempFolder, fileUri, offsetAt } from './support/client';
import { expectedFindings, repoRoot } from '../support/config';

const publication = path.join(repoRoot, 'examples', 'publications', 'china-tmt-update');

describe('LSP bundled publication schemas (extends: <name>)', function () {
  let root: string;
  beforeEach(() => {
    root = tempFolder();
    fs.mkdirSync(path.join(root, '.git'));
    fs.cpSync(publication, root, { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("checks briefs with the bundled schema the team schema extends, and reports a misspelt name in the schema file", async () => {
    const client = new TestClient({ pull: true });
    try {
      await client.initialize([{ uri: fileUri(root), name: 'tmt' }]);
      const good = path.join(root, '2024-07-08.md');
      await client.open(fileUri(good), fs.readFileSync(good, 'utf8'));
      assert.deepEqual(await client.diagnostics(fileUri(good)), [], 'the example issue has no finding under china-tmt-update');
      // A mistake from the heading metadata (an issuing body read from `## 1. MITT and SAC issued …`).
      const mistake = path.join(root, 'mistakes', 'unknown-issuer.md');
      const text = fs.readFileSync(mistake, 'utf8');
      await client.open(fileUri(mistake), text);
      const found = await client.diagnostics(fileUri(mistake));
      assert.deepEqual(found.map((d) => ({ line: d.range.start.line, ruleId: d.code })), expectedFindings(text));
      assert.equal(text.slice(offsetAt(text, found[0].range.start), offsetAt(text, found[0].range.end)), 'MITT');

      // The team schema names a bundled schema that does not exist.
      const schema = path.join(root, '.policy-brief', 'issue-schema.yaml');
      const misspelt = fs.readFileSync(schema, 'utf8').replace('extends: china-tmt-update', 'extends: china-tmt-updates');
      fs.writeFileSync(schema, misspelt);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(schema), type: FileChangeType.Changed }] });
      const inSchema = await client.waitFor(() => { const p = client.lastPublished(fileUri(schema)); return p && p.diagnostics.length ? p : undefined; }, 'a diagnostic in the schema file');
      const [problem] = inSchema.diagnostics;
      assert.equal(problem.code, 'schema.missing-file');
      assert.equal(misspelt.slice(offsetAt(misspelt, problem.range.start), offsetAt(misspelt, problem.range.end)), 'china-tmt-updates');
      assert.match(String(problem.message), /No bundled schema is named 'china-tmt-updates'\. Did you mean 'china-tmt-update'\? The bundled schemas are 'default', .*'china-tmt-update'/);
    } finally {
      await client.stop();
    }
  });
});
