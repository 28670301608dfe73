/*
 * The mocha entry point loaded by VS Code's extension host (extensionTestsPath): code-server
 * through test/vscode/runner.ts here, or @vscode/test-electron (test/vscode/runWithElectron.ts) on
 * machines that can download VS Code. It runs every *.test.js bundled next to it.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.ERROR_CODEBOOK_TEST_TIMEOUT ?? 60000),
    grep: process.env.MOCHA_GREP || undefined,
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  if (files.length === 0) {
    return Promise.reject(new Error(`No *.test.js files in ${__dirname}: build the suite first (npm run build:test:vscode).`));
  }
  for (const file of files) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) {
          reject(new Error(`${failures} of the VS Code tests failed.`));
        } else {
          resolve();
        }
      });
    } catch (error) {
      reject(error);
    }
  });
}
