// The .vsix file list, as `vsce ls` computes it from .vscodeignore (offline: `--no-dependencies`,
// everything is bundled by esbuild): only run-time files and the Marketplace page, no sources,
// tests, source maps, examples or node_modules. Takes ~10 s (vsce walks the whole tree).
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';
import { repoRoot } from '../support/config';

const run = promisify(execFile);

describe('vsix contents (vsce ls)', function () {
  this.timeout(120_000);
  let files: string[] = [];

  before(async () => {
    const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    const { stdout } = await run(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
    files = stdout.split(/\r?\n/).filter(Boolean).map((f) => f.replace(/\\/g, '/'));
  });

  it('holds the run-time files and the Marketplace page', () => {
    for (const required of [
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'images/icon.png',
      'language-configuration.json',
      'snippets/policy-brief.code-snippets',
      'syntaxes/policy-brief.injection.tmLanguage.json',
      'l10n/bundle.l10n.json',
      'l10n/bundle.l10n.zh-cn.json',
      // Every bundled issue schema (`extends: <name>`; packageRoot() finds the package by the default's file).
      ...fs.readdirSync(path.join(repoRoot, 'data', 'issue-schemas')).map((f) => `data/issue-schemas/${f}`),
      'data/issuing-bodies.yaml',
      'data/policy-titles.yaml',
      'data/document-types.yaml',
      'data/document-number-prefixes.yaml',
      'data/provincial-divisions.yaml',
      'schemas/issue-schema.schema.json',
      'schemas/issuing-bodies.schema.json',
      'schemas/policy-titles.schema.json',
      'schemas/document-types.schema.json',
      'docs/rules/README.md',
      'docs/rules/date.invalid.md',
      'docs/rules/issuing-body.unknown.md',
      'schemas/document-number-prefixes.schema.json',
      'schemas/provincial-divisions.schema.json',
    ]) {
      assert.ok(files.includes(required), `${required} is missing from the package`);
    }
  });

  it('holds no sources, tests, source maps, examples, benchmarks or node_modules', () => {
    const unwanted = files.filter(
      (f) =>
        /\.(ts|tsx|mts|cts|map)$/.test(f) ||
        /^(client\/src|server|test|benchmarks|examples|scripts|node_modules|bin|\.cache|\.ci|\.git|\.vscode)\//.test(f) ||
        /(^|\/)\.mocharc|tsconfig.*\.json$|\.vsix$/.test(f),
    );
    assert.deepEqual(unwanted, []);
  });

  it('package.json has no "files" list (vsce package refuses one beside .vscodeignore; npm uses .npmignore)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { files?: unknown };
    assert.equal(manifest.files, undefined);
    assert.ok(fs.existsSync(path.join(repoRoot, '.vscodeignore')) && fs.existsSync(path.join(repoRoot, '.npmignore')));
  });

  it('holds only bundled JavaScript: the client, the server and its check worker, and the preview script', () => {
    const scripts = files.filter((f) => f.endsWith('.js')).sort();
    assert.deepEqual(scripts.filter((f) => !f.startsWith('dist/') && !f.startsWith('client/media/')), []);
    for (const bundle of ['dist/client/extension.js', 'dist/server/server.js', 'dist/server/check-worker.js']) assert.ok(scripts.includes(bundle), bundle);
  });
});
