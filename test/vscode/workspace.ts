/*
 * The workspace the VS Code tests open: one folder per scenario. Documents the protocol tests use
 * too come from test/fixtures/documents; the rest (test/vscode/fixtures) are the VS Code tests' own.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const OWN = path.join(ROOT, 'test', 'vscode', 'fixtures');
const SHARED = path.join(ROOT, 'test', 'fixtures', 'documents');

/** Shared documents, by the scenario folder they go in. */
const SHARED_BY_FOLDER: Record<string, string[]> = {
  'sdk-logs': ['huaweicloud-sdk-python.log', 'aliyun-tea-java.log'],
  'json-bodies': ['error-bodies.json'],
  source: ['client.py', 'client.ts'],
  traps: ['access.log'],
};

/** Writes the test workspace into `target` (a fresh folder), so tests never touch the repository's files. */
export function prepareWorkspace(target: string): void {
  fs.cpSync(OWN, target, { recursive: true });
  for (const [folder, names] of Object.entries(SHARED_BY_FOLDER)) {
    fs.mkdirSync(path.join(target, folder), { recursive: true });
    for (const name of names) {
      fs.copyFileSync(path.join(SHARED, name), path.join(target, folder, name));
    }
  }
}
