/*
 * Reads catalog files from disk: the built-in folder and any the user adds. Nothing at a catalog
 * path can stop or swamp the reader: only regular files are read (a symbolic link to one is fine),
 * opened without blocking and checked again once open, and never more than the size cap is read,
 * whatever the file claims. A path that cannot be used is reported like any other catalog problem;
 * the others still load.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CatalogProblem, CatalogText, LanguageService, createLanguageService } from './core/index';

/** Catalog files larger than this are refused, so a wrong path cannot make the server read gigabytes. */
const MAX_CATALOG_BYTES = 32 * 1024 * 1024;
/** The most catalog files one folder may hold; a folder with more is a wrong path. */
const MAX_FOLDER_FILES = 10_000;
const READ_CHUNK = 1024 * 1024;

/** The catalogs shipped with the product, next to the built server (dist/../catalogs) or the sources. */
export function builtInCatalogFolder(): string {
  const candidates = [path.join(__dirname, '..', 'catalogs'), path.join(__dirname, '..', '..', 'catalogs')];
  return candidates.find((candidate) => fs.existsSync(path.join(candidate, 'schema'))) ?? candidates[0];
}

class CatalogReadError extends Error {}

/** What a path is, following a symbolic link: only folders and regular files are of use. */
function kindOf(stat: fs.Stats): string {
  if (stat.isFile()) {
    return 'file';
  }
  if (stat.isDirectory()) {
    return 'folder';
  }
  if (stat.isFIFO()) {
    return 'a named pipe';
  }
  if (stat.isCharacterDevice() || stat.isBlockDevice()) {
    return 'a device';
  }
  if (stat.isSocket()) {
    return 'a socket';
  }
  return 'not a regular file';
}

/** Reads one regular file, at most `maxBytes` of it; throws CatalogReadError with a readable reason. */
function readRegularFile(file: string, maxBytes: number): Buffer {
  const kind = kindOf(fs.statSync(file));
  if (kind !== 'file') {
    throw new CatalogReadError(`It is ${kind === 'folder' ? 'a folder' : kind}, not a regular file; only regular files are read.`);
  }
  // Not blocking: should the path have become a pipe since, opening it must not wait for a writer.
  const descriptor = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const opened = fs.fstatSync(descriptor);
    if (!opened.isFile()) {
      throw new CatalogReadError(`It is ${kindOf(opened)}, not a regular file; only regular files are read.`);
    }
    if (opened.size > maxBytes) {
      throw new CatalogReadError(tooLarge(opened.size, maxBytes));
    }
    // The size is checked while reading too: a file may grow, and some report no size at all.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, maxBytes + 1 - total));
      const read = fs.readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) {
        break;
      }
      total += read;
      if (total > maxBytes) {
        throw new CatalogReadError(tooLarge(total, maxBytes));
      }
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(descriptor);
  }
}

function tooLarge(bytes: number, maxBytes: number): string {
  return `The catalog is ${bytes > maxBytes + 1 ? `${Math.round(bytes / 1048576)} MB` : 'larger than that'}; at most ${Math.round(maxBytes / 1048576)} MB are read.`;
}

/** The catalog files a location names: a file itself, or the *.json files of a folder. */
function catalogFilesAt(location: string): string[] {
  const kind = kindOf(fs.statSync(location));
  if (kind === 'file') {
    return [location];
  }
  if (kind !== 'folder') {
    throw new CatalogReadError(`It is ${kind}, not a catalog file or folder.`);
  }
  const names = fs
    .readdirSync(location)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (names.length > MAX_FOLDER_FILES) {
    throw new CatalogReadError(`The folder has ${names.length} .json files; at most ${MAX_FOLDER_FILES} are read from one folder.`);
  }
  return names.map((name) => path.join(location, name));
}

export function readCatalogFiles(locations: readonly string[], maxBytes = MAX_CATALOG_BYTES): { texts: CatalogText[]; problems: CatalogProblem[] } {
  const texts: CatalogText[] = [];
  const problems: CatalogProblem[] = [];
  const problem = (file: string, message: string) => problems.push({ file, line: 1, column: 1, message });
  for (const location of locations) {
    let files: string[];
    try {
      files = catalogFilesAt(location);
    } catch (error) {
      problem(location, `Cannot read catalog folder or file: ${reason(error)}`);
      continue;
    }
    for (const file of files) {
      try {
        texts.push({ file, text: readRegularFile(file, maxBytes).toString('utf8') });
      } catch (error) {
        problem(file, `Cannot read the catalog: ${reason(error)}`);
      }
    }
  }
  return { texts, problems };
}

function reason(error: unknown): string {
  if (error instanceof CatalogReadError) {
    return error.message;
  }
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') {
    return 'no such file or folder.';
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return 'permission denied.';
  }
  return String((error as Error)?.message ?? error);
}

/**
 * A language service with the catalogs at these locations, but for those whose ids are `disabled`.
 * Problems of reading files come first, then those of parsing them. Should loading the user's
 * catalogs fail as a whole, the built-in ones are loaded alone and the failure is reported as a
 * problem: the server always starts.
 */
export function loadServiceFrom(locations: readonly string[], disabled: readonly string[] = []): LanguageService {
  const { texts, problems } = readCatalogFiles(locations);
  try {
    const service = createLanguageService(texts, disabled);
    service.loaded.problems.unshift(...problems);
    return service;
  } catch (error) {
    const builtIn = readCatalogFiles(locations.slice(0, 1));
    const service = createLanguageService(builtIn.texts, disabled);
    service.loaded.problems.unshift(...problems, {
      file: locations.slice(1).join(', '),
      line: 1,
      column: 1,
      message: `The catalogs could not be loaded (${String((error as Error)?.message ?? error)}); only the built-in ones are in use.`,
    });
    return service;
  }
}
