/*
 * The parts of the core the benchmark drives in-process. bench/lib/bundledCore.ts bundles this
 * file with esbuild exactly as dist/server.js and dist/cli.js are bundled, so in-process figures
 * are those of the shipped code (under tsx every cross-module call would go through a getter).
 */
export { loadCatalogs, CodeIndex, createLanguageService } from '../../server/src/core/index';
export { scanFile } from '../../server/src/fileScan';
export { StdioMessageReader } from '../../server/src/messageReader';
export { StreamMessageReader } from 'vscode-languageserver/node';
