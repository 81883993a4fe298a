/**
 * The one folder walker: finds the Markdown files under a folder, or the files a glob matches,
 * with one ignore list. Used by the `check` and `documents` commands and by the language
 * server's archive discovery. Built on tinyglobby (fdir).
 *
 * Symbolic links are not followed (a link loop cannot make the walk endless; a linked folder is
 * not searched twice); hidden folders (`.git`, `.cache`, …) are skipped.
 */
import * as path from 'node:path';
import { glob } from 'tinyglobby';

/** Folders never searched (globs relative to the searched folder). */
export const IGNORED_FOLDERS: readonly string[] = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/.vscode-test/**'];

/** The Markdown file names looked at. */
export const MARKDOWN_GLOB = '**/*.{md,markdown}';

/** Options of a walk. */
export interface WalkOptions {
  /** Stops the walk (the promise rejects with an AbortError). */
  signal?: AbortSignal;
}

/**
 * Markdown files under `folder`, as absolute paths, sorted.
 * @throws an AbortError when `options.signal` is aborted; never for unreadable sub-folders (skipped)
 */
export async function findMarkdownFiles(folder: string, options: WalkOptions = {}): Promise<string[]> {
  const root = path.resolve(folder);
  const found = await glob(MARKDOWN_GLOB, { cwd: root, ignore: [...IGNORED_FOLDERS], dot: false, followSymbolicLinks: false, absolute: true, signal: options.signal });
  return found.map((f) => path.normalize(f)).sort();
}

/**
 * Files matching a glob pattern (relative to the current folder, or absolute), sorted, with the
 * same ignore list; paths as tinyglobby gives them (relative patterns give relative paths).
 */
export async function expandGlob(pattern: string, options: WalkOptions = {}): Promise<string[]> {
  const found = await glob(pattern, { ignore: [...IGNORED_FOLDERS], followSymbolicLinks: false, signal: options.signal });
  return found.sort();
}
