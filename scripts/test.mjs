#!/usr/bin/env node
// `npm test`: type-check, build, install the real clients the tests drive (Neovim, Chromium,
// code-server), run the mocha suites (unit, rule fixtures, CLI, LSP over stdio, Neovim, fuzz,
// browser preview) and the extension tests in a real VS Code (code-server). Output streams through;
// the last line sums up every stage as "tests: N passed, N failed, N skipped".
import { spawn } from 'node:child_process';

const stages = [
  { name: 'typecheck', command: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'build', command: 'node', args: ['scripts/build.mjs'] },
  { name: 'test tools', command: 'bash', args: ['scripts/install-test-tools.sh'] },
  { name: 'mocha', command: 'npx', args: ['mocha'], counts: true },
  { name: 'code-server setup', command: 'bash', args: ['test/e2e/harness/setup.sh'] },
  { name: 'extension tests (code-server)', command: 'node', args: ['test/e2e/run-code-server.mjs'], counts: true },
];

const total = { passed: 0, failed: 0, skipped: 0 };

function run(stage) {
  return new Promise((resolve) => {
    process.stdout.write(`\n=== ${stage.name} ===\n`);
    const child = spawn(stage.command, stage.args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-20000);
    });
    child.on('close', (code, signal) => {
      if (stage.counts) {
        const plain = tail.replace(/\x1b\[[0-9;]*m/g, '');
        const e2e = /e2e: (\d+) passed, (\d+) failed/.exec(plain);
        const number = (re) => Number(re.exec(plain)?.[1] ?? 0);
        const passed = e2e ? Number(e2e[1]) : number(/(\d+) passing/);
        const failed = e2e ? Number(e2e[2]) : number(/(\d+) failing/);
        total.passed += passed;
        total.failed += failed + (code !== 0 && failed === 0 ? 1 : 0);
        total.skipped += number(/(\d+) pending/);
      }
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

let exitCode = 0;
for (const stage of stages) {
  const code = await run(stage);
  if (code !== 0) {
    process.stdout.write(`\n${stage.name} failed with exit code ${code}\n`);
    exitCode = code;
    if (!stage.counts) {
      // A failed set-up stage is a failure of its own, and the stages after it do not run.
      total.failed += 1;
      const skipped = stages.slice(stages.indexOf(stage) + 1).map((s) => s.name);
      if (skipped.length) process.stdout.write(`not run: ${skipped.join(', ')}\n`);
      break;
    }
  }
}
process.stdout.write(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exit(exitCode);
