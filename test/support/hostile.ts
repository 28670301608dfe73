/*
 * Catalog paths and texts that could stop or swamp a reader, for the unit, server and CLI tests.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { testCatalog } from './miniCatalogs';

/** Makes a named pipe (nobody ever writes to it) and returns its path. */
export function fifo(file: string): string {
  execFileSync('mkfifo', [file]);
  return file;
}

/** A valid catalog with one entry, Hostile.0001; `extra` is appended to its message. */
export function hostileCatalog(id: string, extra = ''): string {
  return testCatalog(id, [{ code: 'Hostile.0001', httpStatus: 500, message: { en: `Fine${extra}` } }]).text;
}

/** A catalog of about 10 KB whose one entry nests arrays `depth` levels deep. */
export function deeplyNested(depth: number): string {
  return hostileCatalog('deep').replace('"Fine"', `"Fine", "repairs": ${'['.repeat(depth)}${']'.repeat(depth)}`);
}

/** A schema-valid catalog whose code has adjacent placeholders. */
export function adjacentPlaceholders(): string {
  return hostileCatalog('adjacent').replace('"Hostile.0001"', '"PH{ParameterName}{ResourceType}Z"');
}

/**
 * Catalog paths in `folder` for a reader to get past: a named pipe, a folder holding one, /dev/zero
 * and a deeply nested catalog (each refused with a problem, in that order), then a good catalog whose
 * code has adjacent placeholders.
 */
export function hostileCatalogPaths(folder: string): string[] {
  const withPipe = path.join(folder, 'with-pipe');
  fs.mkdirSync(withPipe);
  fifo(path.join(withPipe, 'pipe.json'));
  const deep = path.join(folder, 'deep.json');
  fs.writeFileSync(deep, deeplyNested(5000));
  const adjacent = path.join(folder, 'adjacent.json');
  fs.writeFileSync(adjacent, adjacentPlaceholders());
  return [fifo(path.join(folder, 'alone.json')), withPipe, '/dev/zero', deep, adjacent];
}

/** A line of the adjacent-placeholder catalog's code: one of 300 characters, then twenty of a thousand. */
export function adjacentPlaceholderLine(): string {
  return `{"Code": "PH${'a'.repeat(300)}Z"} ${Array.from({ length: 20 }, () => `Code=PH${'a'.repeat(997)}Z`).join(' ')}\n`;
}
