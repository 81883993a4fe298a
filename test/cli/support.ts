/**
 * Shared helpers of the CLI tests: run `node bin/policy-brief.js` in a child process, as users
 * run it (the bundle in dist/ is built by `npm test` before mocha runs).
 */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../support/config';

export const bin = path.join(repoRoot, 'bin', 'policy-brief.js');

/** Runs the CLI with `args` in `cwd` (default: the repository), feeding `input` to stdin. */
export function runCli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? repoRoot, input: options.input ?? '', encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...options.env } });
  if (result.error) throw result.error;
  assert.doesNotMatch(result.stderr, /^\s+at .+\(.+:\d+:\d+\)$/m, `stack trace on stderr:\n${result.stderr}`);
  assert.notEqual(result.status, null, 'process was killed');
  return result;
}
