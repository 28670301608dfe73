import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..');
const CORE = path.join(ROOT, 'server', 'src', 'core');
/** The only modules the core may import besides its own files: pure, host-independent code. */
const ALLOWED = new Set(['jsonc-parser', 'minimatch']);

/** Every TypeScript file under a folder, its subfolders (the importer's `import/`) included. */
function typeScriptFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      return typeScriptFiles(full);
    }
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom|\bimport|\brequire\()\s*['"]([^'"]+)['"]/g)].map((match) => match[1]);
}

it('keeps the core free of editor, protocol and Node modules', () => {
  const files = typeScriptFiles(CORE);
  assert.ok(files.some((file) => path.dirname(file) !== CORE), "the walk reaches the core's subfolders");
  const offending: string[] = [];
  for (const file of files) {
    for (const module of importsOf(file)) {
      // A relative import must stay inside the core.
      const inside = module.startsWith('.') && !path.relative(CORE, path.resolve(path.dirname(file), module)).startsWith('..');
      if (!inside && !ALLOWED.has(module)) {
        offending.push(`${path.relative(CORE, file)}: ${module}`);
      }
    }
  }
  assert.deepEqual(offending, []);
});

it('lets adapters, tests and the benchmark into the core only through core/index.ts', () => {
  const offending: string[] = [];
  for (const folder of ['server/src', 'client/src', 'test', 'bench']) {
    for (const file of typeScriptFiles(path.join(ROOT, folder))) {
      if (file.startsWith(CORE + path.sep) || file.includes(`${path.sep}corpus${path.sep}`) || file.includes(`${path.sep}fixtures${path.sep}`)) {
        continue;
      }
      for (const module of importsOf(file)) {
        if (!module.startsWith('.')) {
          continue;
        }
        const target = path.resolve(path.dirname(file), module);
        if (target.startsWith(CORE + path.sep) && target !== path.join(CORE, 'index')) {
          offending.push(`${path.relative(ROOT, file)}: ${module}`);
        }
      }
    }
  }
  assert.deepEqual(offending, []);
});
