/**
 * `--changed-since <ref>`: the lines changed since a git ref, from `git diff --unified=0 <ref>`
 * (the working tree against the ref, so uncommitted edits count) plus untracked files, which
 * count as changed in full. Used to report findings only on changed lines in pull-request checks.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/** Changed lines per absolute file path: 1-based line numbers, or `'all'` for new files. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

/** Thrown when git cannot answer (not a repository, unknown ref); the CLI exits 2. */
export class ChangedLinesError extends Error {}

function git(args: string[], cwd: string): string {
  return execFileSync('git', ['-c', 'core.quotepath=off', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** Git's C-style escapes (`quote_c_style`) of a quoted path, without the octal ones. */
const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * The path of a `+++ ` line of `git diff` (after the `+++ `), relative to the top level, or
 * undefined for `/dev/null`. Git writes a tab after a name that holds a space, and quotes a name
 * that holds `"`, `\\` or control characters (`"b/say \\"hi\\".md"`, octal escapes for bytes); the
 * new side's prefix is `b/` (`changedLinesSince` sets it, whatever diff.mnemonicPrefix says).
 */
export function diffTargetPath(field: string): string | undefined {
  let name = field.endsWith('\t') ? field.slice(0, -1) : field;
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) {
    const bytes: number[] = [];
    const inner = Buffer.from(name.slice(1, -1), 'utf8');
    for (let i = 0; i < inner.length; i++) {
      if (inner[i] !== 0x5c || i + 1 >= inner.length) {
        bytes.push(inner[i]);
        continue;
      }
      const next = String.fromCharCode(inner[i + 1]);
      const octal = /^[0-7]{3}$/.exec(inner.subarray(i + 1, i + 4).toString('latin1'));
      if (octal) {
        bytes.push(parseInt(octal[0], 8));
        i += 3;
      } else {
        bytes.push(C_ESCAPES[next] ?? inner[i + 1]);
        i += 1;
      }
    }
    name = Buffer.from(bytes).toString('utf8');
  }
  if (name === '/dev/null') return undefined;
  return name.startsWith('b/') ? name.slice(2) : name;
}

/**
 * Parses `git diff --unified=0` output into new-side changed lines per path (relative to the top
 * level). A hunk's lines are skipped by its counts, so a changed line that reads like a header
 * (an added `++ x` is `+++ x` in the diff) is never taken for one.
 */
export function parseUnifiedDiff(diff: string): Map<string, Set<number>> {
  const changed = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of diff.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      // Inside a hunk: `-` old side, `+` new side, ` ` both; `\ No newline at end of file` neither.
      if (line.startsWith('-')) oldLeft--;
      else if (line.startsWith('+')) newLeft--;
      else if (line.startsWith(' ')) {
        oldLeft--;
        newLeft--;
      }
      continue;
    }
    if (line.startsWith('+++ ')) {
      const target = diffTargetPath(line.slice(4));
      current = target === undefined ? undefined : new Set<number>();
      if (target !== undefined && current) changed.set(target, current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk) {
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
      const start = Number(hunk[2]);
      newLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
      if (current) for (let n = start; n < start + newLeft; n++) current.add(n);
    }
  }
  return changed;
}

/**
 * Lines changed since `ref` in the repository that holds `cwd`.
 * @throws ChangedLinesError outside a git repository or for a ref git does not know
 */
export function changedLinesSince(ref: string, cwd = process.cwd()): ChangedLines {
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch {
    throw new ChangedLinesError(`--changed-since needs a git repository, and ${cwd} is not inside one.`);
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  } catch {
    throw new ChangedLinesError(`--changed-since: git does not know the ref '${ref}' (fetch it first, e.g. git fetch origin main, or check the name).`);
  }
  const result: ChangedLines = new Map();
  for (const [file, lines] of parseUnifiedDiff(git(['diff', '--no-color', '--no-ext-diff', '--unified=0', '--src-prefix=a/', '--dst-prefix=b/', ref, '--'], top))) result.set(path.resolve(top, file), lines);
  for (const file of git(['ls-files', '--others', '--exclude-standard', '-z'], top).split('\0').filter(Boolean)) result.set(path.resolve(top, file), 'all');
  return result;
}

/** Whether any line of the 0-based range `[startLine, endLine]` is changed in `lines`. */
export function touchesChanged(lines: Set<number> | 'all' | undefined, startLine: number, endLine: number): boolean {
  if (lines === 'all') return true;
  if (!lines) return false;
  for (let n = startLine; n <= endLine; n++) if (lines.has(n + 1)) return true;
  return false;
}
