/*
 * Reads catalog files from disk: the built-in folder and any the user adds. A file that cannot be
 * read is reported like any other catalog problem; the others still load.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CatalogProblem, CatalogText } from './core/index';

/** Catalog files larger than this are refused, so a wrong path cannot make the server read gigabytes. */
const MAX_CATALOG_BYTES = 32 * 1024 * 1024;

/** The catalogs shipped with the product, next to the built server (dist/../catalogs) or the sources. */
export function builtInCatalogFolder(): string {
  const candidates = [path.join(__dirname, '..', 'catalogs'), path.join(__dirname, '..', '..', 'catalogs')];
  return candidates.find((candidate) => fs.existsSync(path.join(candidate, 'schema'))) ?? candidates[0];
}

export function readCatalogFiles(locations: readonly string[]): { texts: CatalogText[]; problems: CatalogProblem[] } {
  const texts: CatalogText[] = [];
  const problems: CatalogProblem[] = [];
  for (const location of locations) {
    let files: string[];
    try {
      const stat = fs.statSync(location);
      files = stat.isDirectory()
        ? fs
            .readdirSync(location)
            .filter((name) => name.endsWith('.json'))
            .sort()
            .map((name) => path.join(location, name))
        : [location];
    } catch (error) {
      problems.push({ file: location, line: 1, column: 1, message: `Cannot read catalog folder or file: ${(error as Error).message}` });
      continue;
    }
    for (const file of files) {
      try {
        const size = fs.statSync(file).size;
        if (size > MAX_CATALOG_BYTES) {
          problems.push({ file, line: 1, column: 1, message: `The catalog is ${Math.round(size / 1048576)} MB; at most ${MAX_CATALOG_BYTES / 1048576} MB are read.` });
          continue;
        }
        texts.push({ file, text: fs.readFileSync(file, 'utf8') });
      } catch (error) {
        problems.push({ file, line: 1, column: 1, message: `Cannot read the catalog: ${(error as Error).message}` });
      }
    }
  }
  return { texts, problems };
}
