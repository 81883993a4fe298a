/**
 * Entry of the extension tests, loaded by VS Code (`--extensionTestsPath`): the standard
 * test-electron runner shape, so the same compiled suite runs under @vscode/test-electron
 * (test/e2e/run-electron.ts) and under code-server (test/e2e/run-code-server.mjs).
 * Mocha TDD UI; the test files are the `*.test.js` bundles next to this file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.POLICY_BRIEF_E2E_GREP;
  if (grep) mocha.grep(grep);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
