#!/usr/bin/env node
// Runs the compiled extension tests (dist/test/e2e/suite) in a real VS Code on this machine:
// code-server + Debian chromium through the harness in test/e2e/harness (set up by
// `bash test/e2e/harness/setup.sh`). The test workspace is copied to a scratch folder first, so
// settings the tests write (.vscode/settings.json) never touch the repository.
//
//   npm run build && node test/e2e/run-code-server.mjs      (npm run test:e2e does both, plus setup)
// Env: POLICY_BRIEF_E2E_GREP=<regexp> runs only matching tests; the harness's POLICY_BRIEF_E2E_* apply.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const tests = path.join(repo, 'dist/test/e2e/suite/index.js');
if (!existsSync(tests)) {
  console.error(`missing ${tests}: run npm run build first`);
  process.exit(2);
}
const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-brief-e2e-ws-'));
const workspace = path.join(scratch, 'workspace');
await fs.cp(path.join(here, 'workspace'), workspace, { recursive: true });

const child = spawn(process.execPath, [path.join(here, 'harness/run.mjs'), '--extension', repo, '--tests', tests, '--workspace', workspace, ...process.argv.slice(2)], { stdio: 'inherit' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 128 + os.constants.signals[signal] : 1))));
await fs.rm(scratch, { recursive: true, force: true });
process.exit(code);
