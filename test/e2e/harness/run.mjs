#!/usr/bin/env node
// Runs VS Code extension integration tests (mocha + `vscode` API) inside a REAL VS Code:
// code-server (VS Code server + web workbench) on Node 24, driven by Debian chromium through
// playwright-core. Install the tools first with `bash test/e2e/harness/setup.sh`.
//
//   node test/e2e/harness/run.mjs --extension <abs dir> --tests <abs path of compiled test index .js>
//        --workspace <abs dir> [--screenshot-dir <dir>] [--timeout-ms N]
//
// Exit code: the tests' exit code (0 = all passed), or
//   2   usage error / setup missing
//   3   infrastructure failure (code-server did not start or died, browser or page crashed)
//   124 timeout (no result from the workbench within --timeout-ms)
//   129/130/143 interrupted (SIGHUP/SIGINT/SIGTERM); cleanup still runs
// Plain Node ESM; runs under the system Node 20 or under Node 24.

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format as utilFormat } from 'node:util';

const HARNESS_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HARNESS_DIR, '../../..');
const E2E_HOME = path.resolve(process.env.POLICY_BRIEF_E2E_HOME || path.join(REPO_ROOT, '.cache/e2e'));
const CHROMIUM = process.env.POLICY_BRIEF_E2E_CHROMIUM || '/usr/bin/chromium';
const KEEP_SCRATCH = process.env.POLICY_BRIEF_E2E_KEEP_SCRATCH === '1';
const VERBOSE = process.env.POLICY_BRIEF_E2E_VERBOSE === '1';
const HEALTH_TIMEOUT_MS = 60_000;

const EXIT_USAGE = 2;
const EXIT_INFRA = 3;
const EXIT_TIMEOUT = 124;

const t0 = Date.now();
const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s`;
const log = (...a) => process.stdout.write(`[e2e ${stamp()}] ${utilFormat(...a)}\n`);
const warn = (...a) => process.stderr.write(`[e2e ${stamp()}] ${utilFormat(...a)}\n`);

class HarnessError extends Error {
  constructor(message, exitCode = EXIT_INFRA) {
    super(message);
    this.exitCode = exitCode;
  }
}

// ------------------------------------------------------------------ arguments
function usage(msg) {
  if (msg) warn(`error: ${msg}`);
  process.stderr.write(
    'usage: node test/e2e/harness/run.mjs --extension <dir> --tests <test index .js> --workspace <dir>\n' +
      '                                     [--screenshot-dir <dir>] [--timeout-ms N]\n',
  );
  process.exit(EXIT_USAGE);
}

function parseArgs(argv) {
  const opts = { timeoutMs: Number(process.env.POLICY_BRIEF_E2E_TIMEOUT_MS || 300_000) };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) [a, v] = [a.slice(0, eq), a.slice(eq + 1)];
    const val = () => {
      if (v !== undefined) return v;
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--extension': opts.extension = path.resolve(val()); break;
      case '--tests': opts.tests = path.resolve(val()); break;
      case '--workspace': opts.workspace = path.resolve(val()); break;
      case '--screenshot-dir': opts.screenshotDir = path.resolve(val()); break;
      case '--timeout-ms': opts.timeoutMs = Number(val()); break;
      case '-h': case '--help': usage();
      default: usage(`unknown argument ${a}`);
    }
  }
  if (!opts.extension || !opts.tests || !opts.workspace) usage('--extension, --tests and --workspace are required');
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) usage('--timeout-ms must be a positive number');
  const isDir = (p) => existsSync(p) && statSync(p).isDirectory();
  if (!isDir(opts.extension)) usage(`--extension ${opts.extension} is not a directory`);
  if (!existsSync(path.join(opts.extension, 'package.json'))) usage(`--extension ${opts.extension} has no package.json`);
  if (!isDir(opts.workspace)) usage(`--workspace ${opts.workspace} is not a directory`);
  // VS Code wants the test module path without its extension.
  if (opts.tests.endsWith('.js')) {
    if (!existsSync(opts.tests)) usage(`--tests ${opts.tests} does not exist (compile the tests first)`);
    opts.testsModule = opts.tests.slice(0, -3);
  } else if (existsSync(`${opts.tests}.js`) || isDir(opts.tests)) {
    opts.testsModule = opts.tests;
  } else {
    usage(`--tests ${opts.tests} does not exist (compile the tests first)`);
  }
  opts.screenshotDir ??= path.join(E2E_HOME, 'artifacts');
  return opts;
}

// ------------------------------------------------------------------ tools from setup.sh
function locateTools() {
  const marker = path.join(E2E_HOME, '.setup-complete');
  if (!existsSync(marker)) {
    throw new HarnessError(`harness not set up in ${E2E_HOME}: run  bash test/e2e/harness/setup.sh`, EXIT_USAGE);
  }
  const nodePkgs = path.join(E2E_HOME, 'node24/node_modules/node/node_modules');
  const platformDir = existsSync(nodePkgs)
    ? readdirSafe(nodePkgs).find((d) => d.startsWith('node-linux-'))
    : undefined;
  const n24 = platformDir && path.join(nodePkgs, platformDir);
  const node24 = n24 && path.join(n24, 'bin/node');
  const csEntry = path.join(E2E_HOME, 'tools/node_modules/code-server/out/node/entry.js');
  for (const [what, p] of [['Node 24', node24], ['code-server', csEntry], ['chromium', CHROMIUM]]) {
    if (!p || !existsSync(p)) throw new HarnessError(`${what} not found (${p}): run  bash test/e2e/harness/setup.sh`, EXIT_USAGE);
  }
  const req = createRequire(path.join(E2E_HOME, 'tools/package.json'));
  const { chromium } = req('playwright-core');
  return { n24, node24, csEntry, chromium, setupInfo: readFileSync(marker, 'utf8').trim() };
}

function readdirSafe(d) {
  try {
    return readdirSync(d);
  } catch {
    return [];
  }
}

// ------------------------------------------------------------------ helpers
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function remoteUri(port, absPath) {
  const encoded = absPath.split('/').map(encodeURIComponent).join('/');
  return `vscode-remote://127.0.0.1:${port}${encoded}`;
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** Deferred with a settle-once resolve. */
function deferred() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

// Runs in the page: turn one console argument into a string/number/boolean/null.
function toPrintable(v) {
  if (v instanceof Error) return v.stack || String(v);
  if (v === null || typeof v !== 'object') return typeof v === 'function' ? String(v) : v;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

// Reproduce console formatting ("%c" styling dropped, %s/%d/%o substituted), keeping order.
function formatConsoleArgs(values) {
  if (values.length === 0) return '';
  const [first, ...rest] = values;
  if (typeof first !== 'string') return values.map(show).join(' ');
  let out = '';
  let i = 0;
  for (let k = 0; k < first.length; k++) {
    const ch = first[k];
    if (ch === '%' && k + 1 < first.length) {
      const spec = first[k + 1];
      if (spec === '%') { out += '%'; k++; continue; }
      if ('csdifoOj'.includes(spec)) {
        k++;
        const arg = rest[i++];
        if (spec === 'c') continue; // CSS styling: drop the argument
        out += i - 1 < rest.length ? show(arg) : `%${spec}`;
        continue;
      }
    }
    out += ch;
  }
  const remaining = rest.slice(i);
  // VS Code's logger prefixes its own "%c LEVEL" styling and passes the original console.log
  // arguments (e.g. mocha's "%s%s", indent, title) after it: format those too.
  if (i > 0 && typeof remaining[0] === 'string' && /%[sdifoOjc%]/.test(remaining[0])) {
    return `${out} ${formatConsoleArgs(remaining)}`;
  }
  return [out, ...remaining.map(show)].join(' ');
}
function show(v) {
  if (typeof v === 'string') return v;
  if (v === undefined) return 'undefined';
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

// ------------------------------------------------------------------ main
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const tools = locateTools();
  let port = Number(process.env.POLICY_BRIEF_E2E_PORT) || (await freePort());
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'policy-brief-e2e-'));
  const home = path.join(scratch, 'home');
  const userData = path.join(scratch, 'ud');
  const extDir = path.join(scratch, 'ext');
  const chromeProfile = path.join(scratch, 'chromium-profile');
  const csLogPath = path.join(scratch, 'code-server.log');
  await Promise.all([home, extDir, chromeProfile, path.join(userData, 'User')].map((d) => fs.mkdir(d, { recursive: true })));

  const settings = {
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'telemetry.feedback.enabled': false,
    'update.mode': 'none',
    'update.showReleaseNotes': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'workbench.startupEditor': 'none',
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'security.workspace.trust.enabled': false,
    'files.autoSave': 'off',
    'git.openRepositoryInParentFolders': 'never',
  };
  await fs.writeFile(path.join(userData, 'User/settings.json'), JSON.stringify(settings, null, 2));
  const csConfig = path.join(scratch, 'cs.yaml');

  log(`setup: ${tools.setupInfo}`);
  log(`extension: ${opts.extension}`);
  log(`tests:     ${opts.tests}`);
  log(`workspace: ${opts.workspace}`);
  log(`scratch:   ${scratch} (timeout ${opts.timeoutMs} ms)`);

  // Environment for code-server and chromium: scratch HOME/XDG dirs, Node 24 first on PATH,
  // nothing inherited from a surrounding VS Code / Electron.
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (k.startsWith('VSCODE_') || k.startsWith('ELECTRON_') || k === 'NODE_OPTIONS' || k === 'PASSWORD' || k === 'HASHED_PASSWORD') delete env[k];
  }
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_RUNTIME_DIR: path.join(home, '.run'),
    PATH: `${path.join(tools.n24, 'bin')}:${process.env.PATH || '/usr/bin:/bin'}`,
    // No extension marketplace (code-server's default is Open VSX): the tests install nothing from
    // it, and without network the workbench would log failed gallery queries as errors.
    EXTENSIONS_GALLERY: '{}',
  });
  await fs.mkdir(env.XDG_RUNTIME_DIR, { recursive: true, mode: 0o700 });

  let csChild;
  let pgid;
  let browserContext;
  let csLog;
  let exitCode = EXIT_INFRA;
  let page;
  let cleanedUp = false;
  let vscodeLogs; // [{relativePath, contents}] handed over by the workbench with the exit code
  const counts = {}; // mocha totals seen in the forwarded output
  const finished = deferred(); // resolves with { code, reason }

  const killGroupSync = () => {
    if (pgid && groupAlive(pgid)) {
      try { process.kill(-pgid, 'SIGKILL'); } catch {}
    }
  };
  process.on('exit', killGroupSync); // last resort if anything below throws past cleanup

  const stopCodeServer = async () => {
    if (!pgid || !groupAlive(pgid)) return;
    try { process.kill(-pgid, 'SIGTERM'); } catch {}
    // Children take a few seconds to exit; poll briefly, then force.
    const deadline = Date.now() + 5000;
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive(pgid)) {
      warn(`code-server process group ${pgid} still alive 5 s after SIGTERM: SIGKILL`);
      try { process.kill(-pgid, 'SIGKILL'); } catch {}
      const hard = Date.now() + 3000;
      while (groupAlive(pgid) && Date.now() < hard) await new Promise((r) => setTimeout(r, 50));
    }
  };
  const cleanup = async () => {
    if (cleanedUp) return;
    cleanedUp = true;
    const t = Date.now();
    await Promise.all([
      browserContext?.close().catch((e) => warn(`browser close: ${e.message}`)),
      stopCodeServer(),
    ]);
    if (csLog) await new Promise((r) => csLog.end(r));
    if (VERBOSE) log(`cleanup took ${Date.now() - t} ms`);
  };

  const onSignal = (sig, code) => {
    warn(`received ${sig}: stopping`);
    finished.resolve({ code, reason: `interrupted by ${sig}` });
  };
  process.once('SIGINT', () => onSignal('SIGINT', 130));
  process.once('SIGTERM', () => onSignal('SIGTERM', 143));
  process.once('SIGHUP', () => onSignal('SIGHUP', 129));

  try {
    // ------------------------------------------------ code-server in its own process group
    csLog = createWriteStream(csLogPath);
    const extraArgs = (process.env.POLICY_BRIEF_E2E_CODE_SERVER_ARGS || '').split(/\s+/).filter(Boolean);
    let gaveUp = false;
    finished.promise.then(() => (gaveUp = true));

    // Starts code-server on `port` and waits for /healthz (polled every 100 ms).
    const startCodeServer = async (port) => {
      await fs.writeFile(csConfig, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
      const csArgs = [
        tools.node24, tools.csEntry,
        '--config', csConfig,
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--vscode-option', 'enable-smoke-test-driver', // without it the test payload is silently ignored
        '--user-data-dir', userData,
        '--extensions-dir', extDir,
        ...extraArgs,
      ];
      // `setsid` (util-linux) execs in place when the caller is not a group leader (a fresh
      // child of ours is not), so the pid is the new process group's id.
      const child = spawn('setsid', csArgs, { env, cwd: opts.workspace, stdio: ['ignore', 'pipe', 'pipe'] });
      csChild = child;
      pgid = child.pid;
      let recent = '';
      for (const stream of [child.stdout, child.stderr]) {
        stream.on('data', (buf) => {
          csLog.write(buf);
          recent = (recent + buf.toString()).slice(-4000);
          if (VERBOSE) for (const line of buf.toString().split('\n')) if (line) process.stdout.write(`[code-server] ${line}\n`);
        });
      }
      let exitInfo;
      const exited = new Promise((resolve) => {
        child.on('exit', (code, signal) => resolve((exitInfo = `exit code ${code}, signal ${signal}`)));
        child.on('error', (e) => resolve((exitInfo = `cannot start: ${e.message}`)));
      });
      const base = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + HEALTH_TIMEOUT_MS;
      while (!exitInfo && !gaveUp) {
        try {
          const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
          if (res.ok) return { ok: true, base, exited };
        } catch {}
        if (Date.now() > deadline) return { ok: false, reason: `code-server did not answer ${base}/healthz within ${HEALTH_TIMEOUT_MS} ms` };
        if (!exitInfo && !gaveUp) await new Promise((r) => setTimeout(r, 100));
      }
      if (gaveUp) return { ok: false, reason: 'interrupted' };
      await new Promise((r) => setImmediate(r)); // let the last output arrive
      return { ok: false, reason: `code-server exited early (${exitInfo}); see its log below`, addrInUse: /EADDRINUSE/.test(recent) };
    };

    let cs;
    for (let attempt = 1; attempt <= 3; attempt++) {
      if (attempt > 1) port = await freePort();
      cs = await startCodeServer(port);
      if (cs.ok || !cs.addrInUse || gaveUp) break;
      warn(`port ${port} was taken meanwhile (EADDRINUSE): retrying on another port`);
      if (groupAlive(pgid)) try { process.kill(-pgid, 'SIGKILL'); } catch {}
    }
    const healthy = cs.ok && !gaveUp;
    const base = cs.base;
    if (cs.ok) {
      cs.exited.then((info) => finished.resolve({ code: EXIT_INFRA, reason: `code-server exited unexpectedly (${info}); see its log below` }));
    } else {
      finished.resolve({ code: EXIT_INFRA, reason: cs.reason });
    }
    if (healthy) log(`code-server ready at ${base} (pid/pgid ${pgid})`);

    // ------------------------------------------------ chromium + the workbench with the test payload
    let timer;
    if (healthy) {
      browserContext = await tools.chromium.launchPersistentContext(chromeProfile, {
        executablePath: CHROMIUM,
        headless: true,
        env,
        // Our own signal handlers clean up in order (screenshot, browser, code-server, scratch).
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        viewport: { width: 1400, height: 900 },
        args: [
          '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
        ],
      });
      await browserContext.exposeFunction('codeAutomationExit', (code, logs) => {
        vscodeLogs = Array.isArray(logs) ? logs : undefined;
        const n = Number(code);
        finished.resolve({ code: Number.isInteger(n) ? n : EXIT_INFRA, reason: `tests finished with exit code ${code}` });
      });
      browserContext.on('close', () => finished.resolve({ code: EXIT_INFRA, reason: 'browser closed unexpectedly' }));
      page = browserContext.pages()[0] ?? (await browserContext.newPage());

      // Forward the page console in order ("%c" styling stripped).
      let consoleChain = Promise.resolve();
      page.on('console', (msg) => {
        const type = msg.type();
        consoleChain = consoleChain.then(async () => {
          let text;
          try {
            const args = msg.args();
            if (args.length === 0) {
              // Browser-generated messages (e.g. "Failed to load resource") carry no arguments.
              const where = msg.location()?.url;
              text = msg.text() + (where ? ` (${where})` : '');
            } else {
              const values = await Promise.all(args.map((h) => h.evaluate(toPrintable).catch(() => String(h))));
              text = formatConsoleArgs(values);
            }
            if (process.env.POLICY_BRIEF_E2E_DEBUG_CONSOLE === '1') text += `   <<raw: ${JSON.stringify(msg.text())}>>`;
          } catch {
            text = msg.text().replace(/%c/g, '');
          }
          const prefix = type === 'log' || type === 'info' ? '' : `[${type}] `;
          // A test asks for a screenshot of the window (docs/images) by logging
          // `POLICY_BRIEF_SCREENSHOT <name> [x y width height]`: saved as <screenshot-dir>/<name>.png.
          const shot = /POLICY_BRIEF_SCREENSHOT ([\w.-]+)(?: (\d+) (\d+) (\d+) (\d+))?/.exec(text);
          if (shot && page && !page.isClosed()) {
            const file = path.join(opts.screenshotDir, `${shot[1]}.png`);
            const clip = shot[2] ? { x: Number(shot[2]), y: Number(shot[3]), width: Number(shot[4]), height: Number(shot[5]) } : undefined;
            await fs.mkdir(opts.screenshotDir, { recursive: true });
            await page.screenshot({ path: file, clip, timeout: 10_000 }).then(() => log(`screenshot: ${file}`), (e) => warn(`screenshot failed: ${e.message.split('\n')[0]}`));
          }
          for (const line of text.split('\n')) {
            process.stdout.write(`[vscode ${stamp()}] ${prefix}${line}\n`);
            // Remember mocha's spec-reporter totals for the closing summary line.
            const m = /^\s*(?:INFO\s+)?(\d+) (passing|failing|pending)\b/.exec(line);
            if (m) counts[m[2]] = Number(m[1]);
          }
        });
      });
      page.on('pageerror', (err) => process.stdout.write(`[vscode ${stamp()}] [pageerror] ${err.message}\n`));
      page.on('crash', () => finished.resolve({ code: EXIT_INFRA, reason: 'the workbench page crashed' }));

      const payload = [
        ['extensionDevelopmentPath', remoteUri(port, opts.extension)],
        ['extensionTestsPath', remoteUri(port, opts.testsModule)],
      ];
      const url = `${base}/?${new URLSearchParams({ folder: opts.workspace, payload: JSON.stringify(payload) })}`;
      log(`opening workbench: ${url}`);
      timer = setTimeout(
        () => finished.resolve({ code: EXIT_TIMEOUT, reason: `TIMEOUT: no test result from the workbench within ${opts.timeoutMs} ms` }),
        opts.timeoutMs,
      );
      page.goto(url, { waitUntil: 'domcontentloaded', timeout: opts.timeoutMs }).catch((e) => {
        finished.resolve({ code: EXIT_INFRA, reason: `cannot open the workbench: ${e.message.split('\n')[0]}` });
      });
      // Let the console chain drain before deciding, so the test output precedes the verdict.
      const result = await finished.promise;
      await Promise.race([consoleChain, new Promise((r) => setTimeout(r, 2000))]);
      clearTimeout(timer);
      exitCode = result.code;
      log(result.reason);
    } else {
      const result = await finished.promise;
      exitCode = result.code;
      log(result.reason);
    }

    // ------------------------------------------------ artifacts on failure
    if (exitCode !== 0) {
      const dir = path.join(opts.screenshotDir, `e2e-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      await fs.mkdir(dir, { recursive: true });
      if (page && !page.isClosed()) {
        const shot = path.join(dir, 'screenshot.png');
        await page
          .screenshot({ path: shot, timeout: 10_000 })
          .then(() => log(`screenshot: ${shot}`))
          .catch((e) => warn(`screenshot failed: ${e.message.split('\n')[0]}`));
      }
      await new Promise((r) => csLog.write('', r));
      await fs.copyFile(csLogPath, path.join(dir, 'code-server.log')).catch(() => {});
      // Server-side logs (remote extension host, remote agent) live in the user-data dir.
      await fs.cp(path.join(userData, 'logs'), path.join(dir, 'server-logs'), { recursive: true }).catch(() => {});
      for (const { relativePath, contents } of vscodeLogs ?? []) {
        const rel = path.normalize(String(relativePath)).replace(/^(\.\.(\/|$))+/, '');
        if (!rel || path.isAbsolute(rel)) continue;
        const dest = path.join(dir, 'vscode-logs', rel);
        await fs.mkdir(path.dirname(dest), { recursive: true });
        await fs.writeFile(dest, contents);
      }
      log(`failure artifacts: ${dir}`);
      if (!healthy || exitCode === EXIT_INFRA) {
        const tail = (await fs.readFile(csLogPath, 'utf8').catch(() => '')).split('\n').slice(-40).join('\n');
        if (tail.trim()) process.stdout.write(`----- code-server log (last 40 lines) -----\n${tail}\n-----\n`);
      }
    }
  } catch (e) {
    exitCode = e instanceof HarnessError ? e.exitCode : EXIT_INFRA;
    warn(`error: ${e.stack || e.message}`);
  } finally {
    await cleanup();
    if (KEEP_SCRATCH) log(`scratch kept: ${scratch}`);
    else await fs.rm(scratch, { recursive: true, force: true }).catch(() => {});
  }
  log(`exit ${exitCode} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (counts.passing !== undefined || counts.failing !== undefined) {
    // Plain closing line, alone on its line, e.g. "e2e: 12 passed, 0 failed".
    const skipped = counts.pending ? `, ${counts.pending} skipped` : '';
    process.stdout.write(`e2e: ${counts.passing ?? 0} passed, ${counts.failing ?? 0} failed${skipped}\n`);
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    warn(`error: ${e instanceof HarnessError ? e.message : e.stack || e.message}`);
    process.exit(e instanceof HarnessError ? e.exitCode : EXIT_INFRA);
  },
);
