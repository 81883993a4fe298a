/**
 * Neovim headless as a second real LSP client (`test/neovim/probe.lua`): it starts the built
 * server over stdio, attaches it to a brief and prints the diagnostics it receives.
 * Skips only when `nvim` is missing and CI is unset; in CI a missing nvim fails
 * (install it with `apt-get install -y neovim`).
 */
import * as assert from 'node:assert/strict';
import { spawnSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, serverPath, tempFolder } from './support/client';

function hasNvim(): boolean {
  return spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
}

describe('Neovim as an LSP client', function () {
  this.timeout(40000);

  it('shows the server’s diagnostics for a brief (CJK, emoji, CRLF)', async function () {
    if (!hasNvim()) {
      if (process.env.CI) assert.fail('nvim is not installed but CI is set: install it with `apt-get install -y neovim`.');
      console.log('      (skipped: nvim is not installed; `apt-get install -y neovim` to run this test)');
      this.skip();
    }
    const folder = tempFolder('pb-nvim-');
    try {
      fs.mkdirSync(path.join(folder, '.git'));
      const file = path.join(folder, 'brief.md');
      fs.writeFileSync(file, fs.readFileSync(path.join(__dirname, 'fixtures', 'brief.md'), 'utf8').replace(/\n/g, '\r\n'));
      const probe = path.join(repoRoot, 'test', 'neovim', 'probe.lua');
      const output = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn('nvim', ['--headless', '--clean', '-c', `luafile ${probe}`, file], {
          cwd: folder,
          env: { ...process.env, PB_SERVER: serverPath, PB_ROOT: folder, HOME: folder, XDG_STATE_HOME: folder, XDG_DATA_HOME: folder, XDG_CACHE_HOME: folder },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
      });
      assert.equal(output.code, 0, `nvim failed: ${output.stdout}\n${output.stderr}`);
      const lines = output.stdout.split(/\r?\n/).filter((l) => l.startsWith('DIAG '));
      assert.ok(lines.includes('DIAG 16 16 issuing-body.unknown policy-brief'), output.stdout);
      assert.ok(lines.includes('DIAG 17 6 date.invalid policy-brief'), output.stdout);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
