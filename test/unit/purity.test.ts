import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';

const CORE = path.resolve(__dirname, '..', '..', 'server', 'src', 'core');
/** The only modules the core may import besides its own files: pure, host-independent code. */
const ALLOWED = new Set(['jsonc-parser']);

/** Every TypeScript file of the core, its subfolders (the importer's `import/`) included. */
function coreFiles(folder = CORE): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(folder, item.name);
    return item.isDirectory() ? coreFiles(full) : item.name.endsWith('.ts') ? [full] : [];
  });
}

it('keeps the core free of editor, protocol and Node modules', () => {
  const files = coreFiles();
  assert.ok(files.some((file) => path.dirname(file) !== CORE), 'the walk reaches the core\'s subfolders');
  const offending: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) {
      const module = match[1];
      // A relative import must stay inside the core.
      const inside = module.startsWith('.') && !path.relative(CORE, path.resolve(path.dirname(file), module)).startsWith('..');
      if (!inside && !ALLOWED.has(module)) {
        offending.push(`${path.relative(CORE, file)}: ${module}`);
      }
    }
  }
  assert.deepEqual(offending, []);
});
