// Localisation files stay in step with their users:
// - every `%key%` in package.json exists in package.nls.json and package.nls.zh-cn.json, and the
//   two files have the same keys, none unused;
// - every run-time string of the client (`vscode.l10n.t('…')`, found in the TypeScript syntax
//   tree) is a key of l10n/bundle.l10n.json and l10n/bundle.l10n.zh-cn.json, with no stale keys,
//   and each translation keeps the `{0}` placeholders of its English string.
import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import ts from 'typescript';
import { repoRoot } from '../support/config';

const readJson = <T>(...parts: string[]): T => JSON.parse(fs.readFileSync(path.join(repoRoot, ...parts), 'utf8')) as T;

/** Every `%key%` placeholder among the string values of package.json. */
function manifestKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%([^%\s]+)%$/.exec(value);
    if (m) found.add(m[1]);
  } else if (Array.isArray(value)) value.forEach((v) => manifestKeys(v, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => manifestKeys(v, found));
  return found;
}

/** `{0}`, `{1}` … placeholders of a message, sorted. */
const placeholders = (message: string) => [...message.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();

/** TypeScript files under a folder, recursively. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * The run-time strings of the client: first arguments of `l10n.t(…)` calls (as `vscode.l10n.t`
 * or an imported `l10n.t`). A string literal is the key itself; `{ message, comment }` gives
 * `message/comment` (the key format of @vscode/l10n-dev). Anything else is reported, because
 * such a string cannot be translated.
 */
function runtimeStrings(files: string[]): { keys: Map<string, { message: string; where: string }>; problems: string[] } {
  const keys = new Map<string, { message: string; where: string }>();
  const problems: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (node: ts.Node) => `${path.relative(repoRoot, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 't' &&
        /(^|\.)l10n$/.test(node.expression.expression.getText(source))
      ) {
        const [first] = node.arguments;
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) keys.set(first.text, { message: first.text, where: where(node) });
        else if (first && ts.isObjectLiteralExpression(first)) {
          const prop = (name: string) => first.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(source) === name)?.initializer;
          const message = prop('message');
          const comment = prop('comment');
          if (message && ts.isStringLiteralLike(message)) {
            const comments = comment && ts.isArrayLiteralExpression(comment) ? comment.elements.filter(ts.isStringLiteralLike).map((c) => c.text) : comment && ts.isStringLiteralLike(comment) ? [comment.text] : [];
            keys.set(comments.length ? `${message.text}/${comments.join('')}` : message.text, { message: message.text, where: where(node) });
          } else problems.push(`${where(node)}: l10n.t({ message }) needs a string literal message`);
        } else problems.push(`${where(node)}: l10n.t needs a string literal as first argument`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { keys, problems };
}

describe('localisation', () => {
  const manifest = readJson<Record<string, unknown>>('package.json');
  const nls = readJson<Record<string, string>>('package.nls.json');
  const nlsZh = readJson<Record<string, string>>('package.nls.zh-cn.json');

  describe('package.nls', () => {
    it('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json', () => {
      const keys = [...manifestKeys(manifest)];
      assert.ok(keys.length > 0);
      assert.deepEqual(keys.filter((k) => !(k in nls)), [], 'missing in package.nls.json');
      assert.deepEqual(keys.filter((k) => !(k in nlsZh)), [], 'missing in package.nls.zh-cn.json');
    });

    it('both nls files have the same keys, and none is unused', () => {
      assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nls).sort());
      const used = manifestKeys(manifest);
      assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), [], 'unused keys in package.nls.json');
    });

    it('every value is a non-empty string, and translations keep the placeholders', () => {
      for (const [key, value] of Object.entries(nls)) {
        assert.ok(typeof value === 'string' && value.trim(), key);
        assert.ok(typeof nlsZh[key] === 'string' && nlsZh[key].trim(), key);
        assert.deepEqual(placeholders(nlsZh[key]), placeholders(value), key);
      }
    });

    it('package.json points at the run-time bundles', () => {
      assert.equal(manifest.l10n, './l10n');
    });
  });

  describe('l10n bundles', () => {
    const bundle = readJson<Record<string, string>>('l10n', 'bundle.l10n.json');
    const bundleZh = readJson<Record<string, string>>('l10n', 'bundle.l10n.zh-cn.json');
    const { keys, problems } = runtimeStrings(sourceFiles(path.join(repoRoot, 'client', 'src')));

    it('every l10n.t call in the client uses a literal string', () => {
      assert.deepEqual(problems, []);
      assert.ok(keys.size > 0, 'no l10n.t calls found');
    });

    it('every run-time string is in bundle.l10n.json (as itself) and bundle.l10n.zh-cn.json', () => {
      const missing = [...keys].filter(([k]) => bundle[k] === undefined).map(([k, { where }]) => `${where}: ${k}`);
      assert.deepEqual(missing, [], 'missing in l10n/bundle.l10n.json');
      const missingZh = [...keys].filter(([k]) => bundleZh[k] === undefined).map(([k, { where }]) => `${where}: ${k}`);
      assert.deepEqual(missingZh, [], 'missing in l10n/bundle.l10n.zh-cn.json');
      for (const [k, { message }] of keys) assert.equal(bundle[k], message, k);
    });

    it('the bundles have the same keys, no stale ones, and translations keep the placeholders', () => {
      assert.deepEqual(Object.keys(bundleZh).sort(), Object.keys(bundle).sort());
      assert.deepEqual(Object.keys(bundle).filter((k) => !keys.has(k)), [], 'stale keys in l10n/bundle.l10n.json');
      for (const [key, value] of Object.entries(bundleZh)) {
        assert.ok(value.trim(), key);
        assert.deepEqual(placeholders(value), placeholders(key), key);
      }
    });
  });
});
