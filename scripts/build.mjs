// Bundles the client, the language server and the CLI into CommonJS with esbuild.
// unified/remark are ESM-only; VS Code loads extensions as CommonJS, so everything is bundled.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // The data files are loaded at run time from the package's data/ and schemas/ folders.
  external: ['vscode'],
  // ESM dependencies (fdir, used by tinyglobby) read import.meta.url; give CommonJS bundles a real one.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: { 'client/extension': 'client/src/extension.ts' }, outdir: 'dist' }),
  esbuild.build({ ...common, entryPoints: { 'server/server': 'server/src/server.ts', 'server/cli': 'server/src/cli.ts', 'server/check-worker': 'server/src/checkWorker.ts' }, outdir: 'dist' }),
  // piscina (bundled into the CLI) starts its threads from `worker.js` next to itself: bundle that file as
  // dist/server/worker.js. Its optional @napi-rs/nice (thread priority, native) is loaded with a fallback.
  esbuild.build({ ...common, external: ['vscode', '@napi-rs/nice'], entryPoints: { 'server/worker': 'node_modules/piscina/dist/worker.js' }, outdir: 'dist' }),
  // Extension tests (run inside VS Code): test/e2e/suite/*.ts -> dist/test/e2e/suite/*.js; mocha is loaded from node_modules.
  esbuild.build({ ...common, external: ['vscode', 'mocha'], entryPoints: Object.fromEntries(readdirSync('test/e2e/suite').filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => [`test/e2e/suite/${f.slice(0, -3)}`, `test/e2e/suite/${f}`])), outdir: 'dist' }),
].filter(Boolean));
