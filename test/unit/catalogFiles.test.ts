/*
 * Catalog paths that could stop or swamp a reader: named pipes (alone or as a *.json file in a
 * catalog folder), devices, files over the size cap, catalogs nested thousands of levels deep.
 * Each is a reported catalog problem, answered at once, and the built-in catalogs keep working.
 * Each test has a harness time limit, so a hang fails it instead of stalling the suite.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { builtInCatalogFolder, loadServiceFrom, readCatalogFiles } from '../../server/src/catalogFiles';
import { parseCatalogText } from '../../server/src/core/index';
import { deeplyNested, fifo, hostileCatalog as catalog } from '../support/hostile';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-hostile-'));
const LIMIT = { timeout: 10_000 };

function builtInsWork(locations: string[]): { problems: string[]; catalogs: string[] } {
  const service = loadServiceFrom([builtInCatalogFolder(), ...locations]);
  const found = [...service.createDocument('error_code=AIS.0101').occurrences()].map(({ occurrence }) => occurrence.token);
  assert.deepEqual(found, ['AIS.0101'], 'the built-in catalogs still find their codes');
  return {
    problems: service.loaded.problems.map((problem) => `${path.basename(problem.file)}:${problem.line}: ${problem.message}`),
    catalogs: service.loaded.catalogs.map(({ catalog: loaded }) => loaded.id),
  };
}

describe('catalog paths nothing can stop', () => {
  after(() => fs.rmSync(TMP, { recursive: true, force: true }));

  it('refuses a named pipe without opening it', LIMIT, () => {
    const pipe = fifo(path.join(TMP, 'pipe.json'));
    const { problems } = builtInsWork([pipe]);
    assert.deepEqual(problems, ['pipe.json:1: Cannot read catalog folder or file: It is a named pipe, not a catalog file or folder.']);
  });

  it('skips a *.json named pipe inside a catalog folder and reads the rest', LIMIT, () => {
    const folder = path.join(TMP, 'folder');
    fs.mkdirSync(folder);
    fifo(path.join(folder, 'a-pipe.json'));
    fs.writeFileSync(path.join(folder, 'b-good.json'), catalog('hostile-good'));
    const { problems, catalogs } = builtInsWork([folder]);
    assert.deepEqual(problems, ['a-pipe.json:1: Cannot read the catalog: It is a named pipe, not a regular file; only regular files are read.']);
    assert.ok(catalogs.includes('hostile-good'));
  });

  it('refuses a device, such as /dev/zero, whose size says nothing', LIMIT, () => {
    const { problems } = builtInsWork(['/dev/zero']);
    assert.deepEqual(problems, ['zero:1: Cannot read catalog folder or file: It is a device, not a catalog file or folder.']);
  });

  it('follows a symbolic link to a regular file, and refuses one to a pipe', LIMIT, () => {
    const target = path.join(TMP, 'target.json');
    fs.writeFileSync(target, catalog('hostile-linked'));
    const link = path.join(TMP, 'linked.json');
    fs.symlinkSync(target, link);
    const pipeLink = path.join(TMP, 'pipe-link.json');
    fs.symlinkSync(fifo(path.join(TMP, 'linked-pipe')), pipeLink);
    const { problems, catalogs } = builtInsWork([link, pipeLink]);
    assert.ok(catalogs.includes('hostile-linked'));
    assert.deepEqual(problems, ['pipe-link.json:1: Cannot read catalog folder or file: It is a named pipe, not a catalog file or folder.']);
  });

  it('applies the size cap while reading', LIMIT, () => {
    const big = path.join(TMP, 'big.json');
    fs.writeFileSync(big, catalog('hostile-big', ' '.repeat(4096)));
    const { texts, problems } = readCatalogFiles([big], 1024);
    assert.deepEqual(texts, []);
    assert.match(problems[0].message, /at most 0 MB are read|larger than that/);
    assert.equal(readCatalogFiles([big], 1 << 20).texts.length, 1);
  });

  it('reports a catalog nested 5,000 levels deep at the place it gets too deep', LIMIT, () => {
    const text = deeplyNested(5000);
    assert.ok(text.length > 10_000 && text.length < 11_000);
    const parsed = parseCatalogText(text, 'deep.json');
    assert.equal(parsed.catalog, undefined);
    assert.deepEqual(parsed.problems.map((problem) => [problem.line, problem.message]), [[1, 'The catalog nests objects and arrays more than 64 levels deep; it was not read.']]);
    assert.equal(text[parsed.problems[0].column - 1], '[');
    const file = path.join(TMP, 'deep.json');
    fs.writeFileSync(file, text);
    const { problems } = builtInsWork([file]);
    assert.equal(problems.length, 1);
    // Brackets inside strings and comments do not count.
    const quoted = catalog('hostile-quoted', `${'['.repeat(100)} /* ${'{'.repeat(100)}`);
    assert.deepEqual(parseCatalogText(`// ${'['.repeat(100)}\n${quoted}`, 'quoted.json').problems, []);
  });
});
