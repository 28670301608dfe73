/*
 * Catalog paths and texts that could stop or swamp a reader, for the unit, server and CLI tests.
 */
import { execFileSync } from 'node:child_process';

/** Makes a named pipe (nobody ever writes to it) and returns its path. */
export function fifo(file: string): string {
  execFileSync('mkfifo', [file]);
  return file;
}

/** A valid catalog with one entry, Hostile.0001; `extra` is appended to its message. */
export function hostileCatalog(id: string, extra = ''): string {
  return JSON.stringify({
    version: 1,
    id,
    provider: { en: 'Hostile' },
    service: { en: 'Paths' },
    languages: ['en'],
    sources: [{ language: 'en', url: 'https://example.com/hostile' }],
    entries: [{ code: 'Hostile.0001', httpStatus: 500, message: { en: `Fine${extra}` } }],
  });
}

/** A catalog of about 10 KB whose one entry nests arrays `depth` levels deep. */
export function deeplyNested(depth: number): string {
  return hostileCatalog('deep').replace('"Fine"', `"Fine", "repairs": ${'['.repeat(depth)}${']'.repeat(depth)}`);
}

/** A schema-valid catalog whose code has adjacent placeholders. */
export function adjacentPlaceholders(): string {
  return hostileCatalog('adjacent').replace('"Hostile.0001"', '"PH{ParameterName}{ResourceType}Z"');
}
