/*
 * Bundles bench/lib/core.ts the way `npm run build` bundles the server (esbuild, cjs, node18) and
 * loads it, so in-process measurements run the same code the server and the CLI run.
 */
import { buildSync } from 'esbuild';
import * as path from 'path';

export type Core = typeof import('./core');

export function loadBundledCore(outFile: string): Core {
  buildSync({
    entryPoints: [path.join(__dirname, 'core.ts')],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    mainFields: ['module', 'main'],
    sourcemap: true,
    outfile: outFile,
    logLevel: 'error',
  });
  return require(outFile) as Core;
}
