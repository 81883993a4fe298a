/**
 * Diagnostics over the real protocol: pull and push, exact UTF-16 ranges on LF/CRLF/BOM text
 * with Chinese and emoji, lifecycle (close clears, reopen, untitled, in-flight close, edits).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DidSaveTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { TestClient, offsetAt, repoRoot } from './support/client';
import { lineEndingVariants } from '../support/config';

const brief = fs.readFileSync(path.join(__dirname, 'fixtures', 'brief.md'), 'utf8');

/** The text a diagnostic's range covers. */
function covered(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

for (const pull of [true, false]) {
  describe(`LSP diagnostics (${pull ? 'pull' : 'push'})`, function () {
    let client: TestClient;
    before(async () => {
      client = new TestClient({ pull });
      await client.initialize([]);
    });
    after(async () => client.stop());

    for (const variant of lineEndingVariants(brief)) {
      it(`reports exact UTF-16 ranges, code, docs link and source on ${variant.name} text with Chinese and emoji`, async () => {
        const uri = `untitled:ranges-${variant.name}-${pull}`;
        await client.open(uri, variant.text);
        const diagnostics = await client.diagnostics(uri);
        const unknown = diagnostics.find((d) => d.code === 'issuing-body.unknown');
        assert.ok(unknown, JSON.stringify(diagnostics));
        assert.equal(covered(variant.text, unknown.range), 'MITT');
        assert.equal(unknown.range.start.line, 16);
        assert.equal(unknown.source, 'policy-brief');
        // The page shipped with the package: a file: URL that exists (opens offline).
        assert.match(unknown.codeDescription!.href, /^file:.*docs\/rules\/issuing-body\.unknown\.md$/);
        assert.ok(fs.existsSync(fileURLToPath(unknown.codeDescription!.href)), unknown.codeDescription!.href);
        const date = diagnostics.find((d) => d.code === 'date.invalid');
        assert.ok(date);
        assert.equal(covered(variant.text, date.range), '2023-01-18');
        for (const d of diagnostics) {
          assert.ok(!covered(variant.text, d.range).includes('\r'), `${d.code} range includes a CR`);
        }
        await client.close(uri);
      });
    }

    for (const variant of lineEndingVariants('---\npolicy-brief: [unclosed\n---\n\n# T\n\n## 1. 标题 🚀 topic\n')) {
      it(`maps a front-matter YAML error to its document position (${variant.name})`, async () => {
        const uri = `untitled:front-matter-${variant.name}-${pull}`;
        await client.open(uri, variant.text);
        const diagnostics = await client.diagnostics(uri);
        const yaml = diagnostics.find((d) => d.code === 'front-matter.invalid-yaml');
        assert.ok(yaml, JSON.stringify(diagnostics.map((d) => d.code)));
        assert.ok(yaml.range.start.line >= 1 && yaml.range.start.line <= 2, JSON.stringify(yaml.range));
        assert.ok(!covered(variant.text, yaml.range).includes('\r'));
        await client.close(uri);
      });
    }

    it('reports related locations (topics list vs headline)', async () => {
      const text = fs.readFileSync(path.join(repoRoot, 'examples', 'mistakes', 'topics-list-mismatch.md'), 'utf8');
      const uri = `untitled:related-${pull}`;
      await client.open(uri, text);
      const diagnostics = await client.diagnostics(uri);
      const withRelated = diagnostics.find((d) => d.relatedInformation?.length);
      assert.ok(withRelated, JSON.stringify(diagnostics.map((d) => d.code)));
      assert.equal(withRelated.relatedInformation![0].location.uri, uri);
      await client.close(uri);
    });

    it('follows unsaved edits: a fixed line loses its diagnostic, a new error appears (no stale diagnostics)', async () => {
      const uri = `untitled:edits-${pull}`;
      await client.open(uri, brief);
      assert.ok((await client.diagnostics(uri)).some((d) => d.code === 'issuing-body.unknown'));
      const at = client.text(uri).indexOf('MITT');
      await client.edit(uri, at, at + 4, 'MIIT');
      let diagnostics = await client.diagnostics(uri);
      assert.ok(!diagnostics.some((d) => d.code === 'issuing-body.unknown'), JSON.stringify(diagnostics));
      // Delete the whole first topic: its date finding must go, and nothing may point past the end.
      const text = client.text(uri);
      await client.edit(uri, text.indexOf('## 1.'), text.indexOf('## 2.'), '');
      diagnostics = await client.diagnostics(uri);
      assert.ok(!diagnostics.some((d) => d.code === 'date.invalid'), JSON.stringify(diagnostics));
      const lines = client.text(uri).split('\n').length;
      for (const d of diagnostics) assert.ok(d.range.end.line < lines);
      await client.close(uri);
    });

    it('ignores Markdown that is not a brief, and checks untitled briefs', async () => {
      const plain = 'untitled:plain-' + pull;
      await client.open(plain, '# Notes\n\nIssuing bodies: MITT\n');
      assert.deepEqual(await client.diagnostics(plain), []);
      await client.close(plain);
      const untitled = 'untitled:Untitled-brief-' + pull;
      await client.open(untitled, '## 1. A topic\n\nIssuing bodies: MITT\n');
      assert.ok((await client.diagnostics(untitled)).length > 0);
      await client.close(untitled);
    });

    it('reports the structure-only mode of large documents with an information diagnostic', async () => {
      const big = new TestClient({ pull, env: { POLICY_BRIEF_LARGE_DOCUMENT_LIMIT: '1000' } });
      await big.initialize([]);
      const uri = 'untitled:large-' + pull;
      await big.open(uri, brief);
      const diagnostics = await big.diagnostics(uri);
      const notice = diagnostics.find((d) => d.code === 'server.large-document');
      assert.ok(notice, JSON.stringify(diagnostics.map((d) => d.code)));
      assert.equal(notice.severity, 3);
      assert.ok(!diagnostics.some((d) => d.code === 'issuing-body.unknown'), 'only structure checks run');
      await big.stop();
    });
  });
}

describe('LSP diagnostics lifecycle (push)', function () {
  let client: TestClient;
  before(async () => {
    client = new TestClient({ pull: false });
    await client.initialize([]);
  });
  after(async () => client.stop());

  it('clears diagnostics on close and re-diagnoses on reopen', async () => {
    const uri = 'untitled:close-reopen';
    await client.open(uri, brief);
    assert.ok((await client.diagnostics(uri)).length > 0);
    const before = client.published.length;
    await client.close(uri);
    const cleared = await client.waitFor(() => client.published.slice(before).find((p) => p.uri === uri), 'the clearing publish');
    assert.deepEqual(cleared.diagnostics, []);
    await client.open(uri, brief);
    const again = await client.waitFor(() => { const p = client.lastPublished(uri); return p && p.diagnostics.length > 0 ? p : undefined; }, 'diagnostics after reopen');
    assert.ok(again.diagnostics.some((d) => d.code === 'issuing-body.unknown'));
    await client.close(uri);
  });

  it('never publishes for a document closed while its check is pending', async () => {
    const a = 'untitled:closed-in-flight';
    await client.open(a, brief);
    await client.diagnostics(a);
    const at = client.text(a).indexOf('MITT');
    await client.edit(a, at, at + 4, 'XXXX'); // schedules a check
    await client.close(a); // before it runs
    const closedAt = await client.waitFor(() => { const i = client.published.findIndex((p, k) => p.uri === a && p.diagnostics.length === 0 && k >= 0); return i >= 0 ? i : undefined; }, 'the clear');
    // A later document's debounced check runs after A's would have: if A were published, it is before B.
    const b = 'untitled:after-closed';
    await client.open(b, brief);
    const atB = client.text(b).indexOf('MITT');
    await client.edit(b, atB, atB + 4, 'YYYY');
    await client.waitFor(() => client.lastPublished(b, client.version(b)), 'diagnostics of B');
    const afterClose = client.published.slice(closedAt + 1).filter((p) => p.uri === a);
    assert.deepEqual(afterClose, [], 'nothing published for the closed document');
    await client.close(b);
  });

  it('coalesces rapid edits into one publish of the last version', async () => {
    const uri = 'untitled:coalesce';
    await client.open(uri, brief);
    await client.diagnostics(uri);
    const before = client.published.length;
    const at = client.text(uri).indexOf('MITT');
    // Sent in one burst, as fast typing does.
    await Promise.all(['MIIT', 'MITT', 'MIIT', 'MITT', 'MIIT'].map((name) => client.edit(uri, at, at + 4, name)));
    const last = await client.waitFor(() => client.lastPublished(uri, client.version(uri)), 'the last version');
    const published = client.published.slice(before).filter((p) => p.uri === uri);
    assert.ok(published.length <= 2, `published ${published.length} times for 5 quick edits`);
    assert.ok(!last.diagnostics.some((d) => d.code === 'issuing-body.unknown'));
    await client.close(uri);
  });
});

describe('LSP pull result ids', function () {
  it('answers "unchanged" for the same version and "full" after an edit', async () => {
    const client = new TestClient({ pull: true });
    await client.initialize([]);
    const uri = 'untitled:result-ids';
    await client.open(uri, brief);
    const first = await client.pull(uri);
    assert.equal(first.kind, 'full');
    const same = await client.pull(uri, (first as { resultId: string }).resultId);
    assert.equal(same.kind, 'unchanged');
    await client.edit(uri, 0, 0, '');
    await client.edit(uri, client.text(uri).length, client.text(uri).length, '\n');
    const changed = await client.pull(uri, (first as { resultId: string }).resultId);
    assert.equal(changed.kind, 'full');
    await client.stop();
  });
});

describe('LSP validate on save (push)', function () {
  it('re-checks only when the document is saved', async () => {
    const client = new TestClient({ pull: false, settings: (scope) => (scope === 'untitled:on-save' ? { validate: 'onSave' } : {}) });
    try {
      await client.initialize([]);
      const uri = 'untitled:on-save';
      await client.open(uri, brief);
      assert.ok((await client.diagnostics(uri)).some((d) => d.code === 'issuing-body.unknown'), 'checked on open');
      const at = client.text(uri).indexOf('MITT');
      const version = await client.edit(uri, at, at + 4, 'MIIT');
      // Another document (validated on type) is edited later: its debounced check runs after this one's would have.
      const other = 'untitled:on-save-other';
      await client.open(other, brief);
      await client.waitFor(() => client.lastPublished(other, 1), 'the other document');
      const otherVersion = await client.edit(other, 0, 0, '');
      await client.waitFor(() => client.lastPublished(other, otherVersion), 'the other document after its edit');
      assert.equal(client.published.filter((p) => p.uri === uri && p.version === version).length, 0, 'no check before saving');
      await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
      const saved = await client.waitFor(() => client.lastPublished(uri, version), 'the check after saving');
      assert.ok(!saved.diagnostics.some((d) => d.code === 'issuing-body.unknown'));
    } finally {
      await client.stop();
    }
  });
});
