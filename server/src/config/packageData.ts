/**
 * Locates and reads the data files shipped with the package (`data/`, `schemas/`), from the
 * bundle (`dist/…`) or from the sources (tests run through tsx).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

let root: string | undefined;

/** The package root: the nearest ancestor of this module with `data/issue-schemas/default.yaml`. */
export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'data', 'issue-schemas', 'default.yaml'))) return (root = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the Policy Brief data folder above ${__dirname}`);
    dir = parent;
  }
}

/** Absolute path of a file inside the package, e.g. `packagePath('data', 'policy-titles.yaml')`. */
export function packagePath(...parts: string[]): string {
  return path.join(packageRoot(), ...parts);
}

const cache = new Map<string, string>();

/** Text of a packaged file (read once). Throws if missing: that is a packaging bug. */
export function readPackageFile(...parts: string[]): string {
  const file = packagePath(...parts);
  let text = cache.get(file);
  if (text === undefined) {
    text = fs.readFileSync(file, 'utf8');
    cache.set(file, text);
  }
  return text;
}

/** A packaged JSON file, parsed. */
export function readPackageJson<T = object>(...parts: string[]): T {
  return JSON.parse(readPackageFile(...parts)) as T;
}

/**
 * Base URL of the rule pages for a configuration: the team's `docsBaseUrl` (issue schema) when
 * set, else the `file:` URL of the `docs/rules/` folder shipped in this package or extension.
 * Ends in `/`.
 */
export function ruleDocsBase(docsBaseUrl?: string): string {
  if (docsBaseUrl) return docsBaseUrl.endsWith('/') ? docsBaseUrl : `${docsBaseUrl}/`;
  return `${pathToFileURL(packagePath('docs', 'rules')).href}/`;
}
