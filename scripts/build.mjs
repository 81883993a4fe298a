// Bundles the client, the language server and the CLI into CommonJS with esbuild.
// unified/remark are ESM-only; VS Code loads extensions as CommonJS, so everything is bundled.
import * as esbuild from 'esbuild';

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
].filter(Boolean));
