/*
 * Bundles bench/lib/core.ts the way `npm run build` bundles the server (esbuild, cjs, node18), with
 * the line-scanning worker beside it, and loads it, so in-process measurements run the same code
 * the server and the CLI run.
 */
import { BuildOptions, buildSync } from 'esbuild';
import * as path from 'path';

export type Core = typeof import('./core');

export function loadBundledCore(outFile: string): Core {
  const options: BuildOptions = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'error' };
  buildSync({ ...options, entryPoints: [path.join(__dirname, 'core.ts')], sourcemap: true, outfile: outFile });
  // The line-scanning worker, next to the bundle as dist/scanThread.js is next to the server's.
  buildSync({ ...options, entryPoints: [path.join(__dirname, '..', '..', 'server', 'src', 'scanThread.ts')], outfile: path.join(path.dirname(outFile), 'scanThread.js') });
  return require(outFile) as Core;
}
