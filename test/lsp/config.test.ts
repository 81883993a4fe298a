/**
 * Configuration over the real protocol: team schema edits apply without a restart (client
 * watching and server-side fs.watch), a broken schema gets diagnostics in its own file while
 * the last good configuration stays in use, multi-root folders use their own team config,
 * settings per resource (schemaPath, briefFiles, enable, invalid values) and their changes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, DidChangeConfigurationNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient, tempFolder, fileUri, offsetAt } from './support/client';
import { BriefStatusRequest, ConfigStatusNotification, IsBriefRequest, type ConfigStatusParams } from '../../server/src/protocol';

const brief = fs.readFileSync(path.join(__dirname, 'fixtures', 'brief.md'), 'utf8');
/** The brief with the team's own label for the comment part. */
const ourView = brief.replace(/\*\*MERICS comment:\*\*/g, '**Our view:**');
const teamSchema = ['schemaVersion: 1', 'extends: default', 'name: Our team', 'topic:', '  parts:', '    - id: comment', '      label: Our view', ''].join('\n');
const brokenSchema = ['schemaVersion: 1', 'extends: default', 'topic:', '  parts: 5', ''].join('\n');

const missingComment = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'structure.missing-part');

/** A workspace folder (with `.git`, so discovery stops there) holding `issue.md`. */
function workspace(schema?: string): { root: string; brief: string; schema: string } {
  const root = tempFolder();
  fs.mkdirSync(path.join(root, '.git'));
  fs.mkdirSync(path.join(root, '.policy-brief'));
  const schemaFile = path.join(root, '.policy-brief', 'issue-schema.yaml');
  if (schema) fs.writeFileSync(schemaFile, schema);
  const briefFile = path.join(root, 'issue.md');
  fs.writeFileSync(briefFile, ourView);
  return { root, brief: briefFile, schema: schemaFile };
}

describe('LSP configuration files', function () {
  const made: string[] = [];
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers client-side watchers for the team folders', async () => {
    const client = new TestClient({ pull: true });
    await client.initialize([]);
    const registration = await client.waitFor(() => client.registrations.find((r) => (r as { method: string }).method === 'workspace/didChangeWatchedFiles'), 'the watcher registration');
    assert.deepEqual((registration as { registerOptions: { watchers: { globPattern: string }[] } }).registerOptions.watchers[0], { globPattern: '**/.policy-brief/**' });
    await client.stop();
  });

  for (const eol of ['\n', '\r\n']) {
    it(`applies a team schema edit, reports a broken schema in its file, keeps the last good one (${eol === '\n' ? 'LF' : 'CRLF'})`, async () => {
      const ws = workspace();
      made.push(ws.root);
      const client = new TestClient({ pull: true });
      try {
        await client.initialize([{ uri: fileUri(ws.root), name: 'ws' }]);
        const uri = fileUri(ws.brief);
        await client.open(uri, ourView.replace(/\n/g, eol));
        assert.equal(missingComment(await client.diagnostics(uri)).length, 2, 'the default schema does not know “Our view”');
        // A team schema appears.
        fs.writeFileSync(ws.schema, teamSchema.replace(/\n/g, eol));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(ws.schema), type: FileChangeType.Created }] });
        await client.waitFor(() => client.refreshes >= 1, 'a diagnostics refresh');
        assert.deepEqual(missingComment(await client.diagnostics(uri)), []);
        // It breaks: findings in the schema file, the last good schema still applies.
        fs.writeFileSync(ws.schema, brokenSchema.replace(/\n/g, eol));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(ws.schema), type: FileChangeType.Changed }] });
        const inSchema = await client.waitFor(() => { const p = client.lastPublished(fileUri(ws.schema)); return p && p.diagnostics.length ? p : undefined; }, 'diagnostics in the schema file');
        const problem = inSchema.diagnostics[0];
        assert.equal(problem.severity, 1);
        const text = brokenSchema.replace(/\n/g, eol);
        assert.equal(text.slice(offsetAt(text, problem.range.start), offsetAt(text, problem.range.end)), '5');
        assert.deepEqual(missingComment(await client.diagnostics(uri)), [], 'the last good schema is still used');
        // Fixed again: the schema file's diagnostics clear.
        fs.writeFileSync(ws.schema, teamSchema.replace(/\n/g, eol));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(ws.schema), type: FileChangeType.Changed }] });
        await client.waitFor(() => client.lastPublished(fileUri(ws.schema))?.diagnostics.length === 0, 'the schema file diagnostics to clear');
        assert.deepEqual(missingComment(await client.diagnostics(uri)), []);
      } finally {
        await client.stop();
      }
    });
  }

  it("applies a team's document-number prefixes file when it appears; a wrong body id is a warning in that file", async () => {
    const ws = workspace();
    made.push(ws.root);
    const text = ourView.replace('Date: December 2, 2022', 'Date: December 2, 2022\nDocument number: 国市监网监规〔2022〕3号');
    fs.writeFileSync(ws.brief, text);
    const prefixes = path.join(ws.root, '.policy-brief', 'document-number-prefixes.yaml');
    const client = new TestClient({ pull: true });
    try {
      await client.initialize([{ uri: fileUri(ws.root), name: 'ws' }]);
      const uri = fileUri(ws.brief);
      await client.open(uri, text);
      const issuer = async () => (await client.diagnostics(uri)).filter((d) => d.code === 'document-number.issuer');
      assert.deepEqual(await issuer(), [], 'an unknown prefix is left alone');
      const file = 'schemaVersion: 1\nprefixes:\n  - prefix: 国市监\n    bodies: [SAMR, SAMRX]\n    source: [https://example.org/samr-numbers]\n    confidence: high\n';
      fs.writeFileSync(prefixes, file);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(prefixes), type: FileChangeType.Created }] });
      await client.waitFor(() => client.refreshes >= 1, 'a diagnostics refresh');
      const found = await issuer();
      assert.equal(found.length, 1);
      assert.match(String(found[0].message), /^国市监 is the document-number prefix of SAMR/);
      const inFile = await client.waitFor(() => { const p = client.lastPublished(fileUri(prefixes)); return p && p.diagnostics.length ? p : undefined; }, 'diagnostics in the prefixes file');
      assert.deepEqual(inFile.diagnostics.map((d) => [d.code, d.severity, file.slice(offsetAt(file, d.range.start), offsetAt(file, d.range.end))]), [['catalogue.unknown-reference', 2, 'SAMRX']]);
    } finally {
      await client.stop();
    }
  });

  it("links rule pages to the team's docsBaseUrl when its schema sets one", async () => {
    const ws = workspace(`${teamSchema}docsBaseUrl: https://wiki.example.org/pb/rules/\n`);
    made.push(ws.root);
    fs.writeFileSync(ws.brief, ourView.replace(/^Date: .*$/m, 'Date: 2023-04-14'));
    const client = new TestClient({ pull: true });
    try {
      await client.initialize([{ uri: fileUri(ws.root), name: 'ws' }]);
      const uri = fileUri(ws.brief);
      await client.open(uri, fs.readFileSync(ws.brief, 'utf8'));
      const date = (await client.diagnostics(uri)).find((d) => d.code === 'date.invalid');
      assert.equal(date?.codeDescription?.href, 'https://wiki.example.org/pb/rules/date.invalid.md');
    } finally {
      await client.stop();
    }
  });

  it('reports a team schema that is broken from the start and checks with the default', async () => {
    const ws = workspace(brokenSchema);
    made.push(ws.root);
    const client = new TestClient({ pull: true });
    try {
      await client.initialize([{ uri: fileUri(ws.root), name: 'ws' }]);
      const uri = fileUri(ws.brief);
      await client.open(uri, ourView);
      assert.equal(missingComment(await client.diagnostics(uri)).length, 2);
      const inSchema = await client.waitFor(() => client.lastPublished(fileUri(ws.schema)), 'diagnostics in the schema file');
      assert.ok(inSchema.diagnostics.length > 0);
    } finally {
      await client.stop();
    }
  });

  it('watches the files itself when the client cannot (push mode, fs.watch)', async () => {
    const ws = workspace();
    made.push(ws.root);
    const client = new TestClient({ pull: false, watch: false });
    try {
      await client.initialize([{ uri: fileUri(ws.root), name: 'ws' }]);
      const uri = fileUri(ws.brief);
      await client.open(uri, ourView);
      assert.equal(missingComment(await client.diagnostics(uri)).length, 2);
      const before = client.published.length;
      fs.writeFileSync(ws.schema, teamSchema);
      await client.waitFor(() => client.published.slice(before).some((p) => p.uri === uri && missingComment(p.diagnostics).length === 0), 'new diagnostics after the file changed on disk');
    } finally {
      await client.stop();
    }
  });

  for (const where of ['the workspace folder', 'the brief’s own folder, under a team folder higher up']) {
    it(`sees a team folder created while it runs in ${where}, when the client cannot watch (fs.watch)`, async () => {
      const root = tempFolder();
      made.push(root);
      fs.mkdirSync(path.join(root, '.git'));
      const nested = where !== 'the workspace folder';
      const folder = nested ? path.join(root, 'team-b') : root;
      fs.mkdirSync(folder, { recursive: true });
      if (nested) {
        // The repository's own team folder, with the default labels: the nearer one must win once it appears.
        fs.mkdirSync(path.join(root, '.policy-brief'));
        fs.writeFileSync(path.join(root, '.policy-brief', 'issue-schema.yaml'), 'schemaVersion: 1\nextends: default\n');
      }
      const briefFile = path.join(folder, 'issue.md');
      fs.writeFileSync(briefFile, ourView);
      const client = new TestClient({ pull: false, watch: false });
      try {
        await client.initialize([{ uri: fileUri(root), name: 'ws' }]);
        const uri = fileUri(briefFile);
        await client.open(uri, ourView);
        assert.equal(missingComment(await client.diagnostics(uri)).length, 2);
        const before = client.published.length;
        // What `policy-brief schema init` does: the folder, then the schema in it.
        fs.mkdirSync(path.join(folder, '.policy-brief'));
        fs.writeFileSync(path.join(folder, '.policy-brief', 'issue-schema.yaml'), teamSchema);
        await client.waitFor(() => client.published.slice(before).some((p) => p.uri === uri && missingComment(p.diagnostics).length === 0), 'diagnostics with the new team schema');
      } finally {
        await client.stop();
      }
    });
  }

  it('uses each workspace folder’s own team configuration (multi-root)', async () => {
    const a = workspace(teamSchema);
    const b = workspace();
    made.push(a.root, b.root);
    const client = new TestClient({ pull: true });
    try {
      await client.initialize([{ uri: fileUri(a.root), name: 'a' }, { uri: fileUri(b.root), name: 'b' }]);
      await client.open(fileUri(a.brief), ourView);
      await client.open(fileUri(b.brief), ourView);
      assert.deepEqual(missingComment(await client.diagnostics(fileUri(a.brief))), []);
      assert.equal(missingComment(await client.diagnostics(fileUri(b.brief))).length, 2);
      // An untitled brief uses the first folder's team configuration.
      await client.open('untitled:multi-root', ourView);
      assert.deepEqual(missingComment(await client.diagnostics('untitled:multi-root')), []);
      // A file outside every folder uses the defaults and is still checked.
      const outside = tempFolder();
      made.push(outside);
      fs.mkdirSync(path.join(outside, '.git'));
      const file = path.join(outside, 'loose.md');
      fs.writeFileSync(file, ourView);
      await client.open(fileUri(file), ourView);
      assert.equal(missingComment(await client.diagnostics(fileUri(file))).length, 2);
    } finally {
      await client.stop();
    }
  });
});

describe('LSP settings', function () {
  const made: string[] = [];
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pulls settings per resource: schemaPath overrides discovery, relative to the folder', async () => {
    const ws = workspace();
    made.push(ws.root);
    fs.writeFileSync(path.join(ws.root, 'our-schema.yaml'), teamSchema);
    const client = new TestClient({ pull: true, settings: (scope) => (scope?.startsWith(fileUri(ws.root)) ? { schemaPath: 'our-schema.yaml' } : {}) });
    try {
      await client.initialize([{ uri: fileUri(ws.root), name: 'ws' }]);
      await client.open(fileUri(ws.brief), ourView);
      assert.deepEqual(missingComment(await client.diagnostics(fileUri(ws.brief))), []);
      await client.open('untitled:elsewhere', ourView);
      assert.equal(missingComment(await client.diagnostics('untitled:elsewhere')).length, 2, 'settings are per resource: the untitled document has no schemaPath');
    } finally {
      await client.stop();
    }
  });

  it('recognises briefs by the briefFiles globs, honours enable, and re-reads settings on didChangeConfiguration', async () => {
    const root = tempFolder();
    made.push(root);
    fs.mkdirSync(path.join(root, 'notes'));
    const file = path.join(root, 'notes', 'draft.md');
    const text = '# Draft\n\nIssuing bodies: MITT\n';
    fs.writeFileSync(file, text);
    let settings: Record<string, unknown> = {};
    const client = new TestClient({ pull: true, settings: () => settings });
    try {
      await client.initialize([{ uri: fileUri(root), name: 'ws' }]);
      const uri = fileUri(file);
      await client.open(uri, text);
      assert.deepEqual(await client.diagnostics(uri), [], 'not a brief by content');
      settings = { briefFiles: ['notes/**/*.md'] };
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      assert.ok((await client.diagnostics(uri)).length > 0, 'a brief by glob');
      settings = { briefFiles: ['notes/**/*.md'], enable: false };
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      assert.deepEqual(await client.diagnostics(uri), [], 'disabled');
    } finally {
      await client.stop();
    }
  });

  it('briefFiles globs mean what VS Code\'s RelativePattern means: issue-*.md in the folder itself, not deeper', async () => {
    const root = tempFolder();
    made.push(root);
    fs.mkdirSync(path.join(root, 'sub'));
    const text = '# Draft\n\nIssuing bodies: MITT\n';
    const top = path.join(root, 'issue-3.md');
    const deep = path.join(root, 'sub', 'issue-3.md');
    for (const file of [top, deep]) fs.writeFileSync(file, text);
    const client = new TestClient({ pull: true, settings: () => ({ briefFiles: ['issue-*.md'] }) });
    try {
      await client.initialize([{ uri: fileUri(root), name: 'ws' }]);
      for (const file of [top, deep]) await client.open(fileUri(file), text);
      assert.equal(await client.connection.sendRequest(IsBriefRequest, { uri: fileUri(top) }), true, 'issue-3.md in the folder');
      assert.equal(await client.connection.sendRequest(IsBriefRequest, { uri: fileUri(deep) }), false, 'sub/issue-3.md is not matched by issue-*.md');
      assert.equal((await client.connection.sendRequest(BriefStatusRequest, { uri: fileUri(deep) })).isBrief, false);
    } finally {
      await client.stop();
    }
  });

  it('a team schema broken while edited (not saved): errors in the file at once, the status names the last good schema and the broken file', async () => {
    const ws = workspace(teamSchema);
    made.push(ws.root);
    const client = new TestClient({ pull: true });
    const statuses: ConfigStatusParams[] = [];
    client.connection.onNotification(ConfigStatusNotification, (params) => void statuses.push(params));
    try {
      await client.initialize([{ uri: fileUri(ws.root), name: 'ws' }]);
      const uri = fileUri(ws.brief);
      await client.open(uri, ourView);
      assert.deepEqual(await client.connection.sendRequest(BriefStatusRequest, { uri }), { isBrief: true, schemaName: 'Our team', usingLastGood: false, brokenFiles: [], missingFiles: [] });
      const schemaUri = fileUri(ws.schema);
      await client.open(schemaUri, teamSchema, 'yaml');
      // A YAML syntax error typed into the open file: reported on its own line (2, `name: [Our team`).
      await client.replace(schemaUri, teamSchema.replace('name: Our team', 'name: [Our team'));
      const published = await client.waitFor(() => client.lastPublished(schemaUri)?.diagnostics.length ? client.lastPublished(schemaUri) : undefined, 'diagnostics in the edited schema');
      assert.equal(published.diagnostics[0].code, 'schema.invalid-yaml');
      assert.equal(published.diagnostics[0].range.start.line, 2);
      assert.equal(published.diagnostics[0].range.end.line, 2);
      await client.waitFor(() => statuses.some((s) => s.broken.includes(schemaUri)), 'a configStatus naming the broken file');
      assert.deepEqual(await client.connection.sendRequest(BriefStatusRequest, { uri }), { isBrief: true, schemaName: 'Our team', usingLastGood: true, brokenFiles: [schemaUri], missingFiles: [] });
      assert.equal(missingComment(await client.diagnostics(uri)).length, 0, 'the last good schema (with “Our view”) still applies');
      assert.equal(fs.readFileSync(ws.schema, 'utf8'), teamSchema, 'nothing was written to disk');
      // Fixed in the editor: the errors clear and the status is clean again.
      await client.replace(schemaUri, teamSchema.replace('name: Our team', 'name: Our fixed team'));
      await client.waitFor(() => client.lastPublished(schemaUri)?.diagnostics.length === 0, 'the schema diagnostics to clear');
      assert.deepEqual(await client.connection.sendRequest(BriefStatusRequest, { uri }), { isBrief: true, schemaName: 'Our fixed team', usingLastGood: false, brokenFiles: [], missingFiles: [] });
    } finally {
      await client.stop();
    }
  });

  it('reports invalid settings instead of accepting them silently', async () => {
    const client = new TestClient({ pull: true, settings: () => ({ validate: 'sometimes', briefFiles: 'x' }) });
    try {
      await client.initialize([]);
      await client.open('untitled:settings', brief);
      await client.diagnostics('untitled:settings');
      await client.waitFor(() => client.logs.some((l) => /policyBrief\.validate must be 'onType' or 'onSave'/.test(l)), 'the warning');
      assert.ok(client.logs.some((l) => /policyBrief\.briefFiles must be a list/.test(l)));
    } finally {
      await client.stop();
    }
  });
});
