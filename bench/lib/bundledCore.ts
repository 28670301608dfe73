/*
 * Bundles bench/lib/core.ts the way `npm run build` bundles the server (esbuild, cjs, node18), with
 * the token filter's worker beside it, and loads it, so in-process measurements run the same code
 * the server and the CLI run.
 */
import { BuildOptions, buildSync } from 'esbuild';
import * as path from 'path';

export type Core = typeof import('./core');

export function loadBundledCore(outFile: string): Core {
  const options: BuildOptions = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'error' };
  buildSync({ ...options, entryPoints: [path.join(__dirname, 'core.ts')], sourcemap: true, outfile: outFile });
  // The token filter's worker, next to the bundle as dist/tokenThread.js is next to the server's.
  buildSync({ ...options, entryPoints: [path.join(__dirname, '..', '..', 'server', 'src', 'tokenThread.ts')], outfile: path.join(path.dirname(outFile), 'tokenThread.js') });
  return require(outFile) as Core;
}
