import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';

const CORE = path.resolve(__dirname, '..', '..', 'server', 'src', 'core');
/** The only modules the core may import besides its own files: pure, host-independent code. */
const ALLOWED = new Set(['jsonc-parser']);

it('keeps the core free of editor, protocol and Node modules', () => {
  const offending: string[] = [];
  for (const file of fs.readdirSync(CORE).filter((name) => name.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(CORE, file), 'utf8');
    for (const match of text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) {
      const module = match[1];
      if (!module.startsWith('./') && !ALLOWED.has(module)) {
        offending.push(`${file}: ${module}`);
      }
    }
  }
  assert.deepEqual(offending, []);
});
