/*
 * Runs one in-process stage of the benchmark on its own, for profiling:
 *
 *   node --cpu-prof --cpu-prof-dir=bench/data/profiles --import tsx bench/profile.ts document [--extra]
 *   node --cpu-prof --cpu-prof-dir=bench/data/profiles --import tsx bench/profile.ts diagnostics
 *   node --cpu-prof --cpu-prof-dir=bench/data/profiles --import tsx bench/profile.ts file
 *   node --cpu-prof --cpu-prof-dir=bench/data/profiles --import tsx bench/profile.ts index
 *   node --import tsx bench/profile.ts summary bench/data/profiles/<file>.cpuprofile
 *
 * It uses the data `npm run bench` generated (run that first) and the same catalogs.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CatalogText } from '../server/src/core/index';
import { catalogTexts as miniCatalogTexts } from '../test/support/miniCatalogs';
import { loadBundledCore } from './lib/bundledCore';
import { median, now } from './lib/measure';

const ROOT = path.resolve(__dirname, '..');
const DATA = path.join(ROOT, 'bench', 'data');
const core = loadBundledCore(path.join(DATA, 'core.profile.js'));
const { CodeIndex, createLanguageService, loadCatalogs, scanFile } = core;

function catalogTexts(extra: boolean): CatalogText[] {
  const folder = path.join(ROOT, 'catalogs');
  const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith('.json')).sort() : [];
  let texts: CatalogText[] = files.map((name) => ({ file: name, text: fs.readFileSync(path.join(folder, name), 'utf8') }));
  if (loadCatalogs(texts).catalogs.length === 0) {
    texts = miniCatalogTexts();
  }
  if (extra) {
    const file = fs.readdirSync(DATA).find((name) => name.startsWith('catalog-extra-'));
    if (file) {
      texts.push({ file, text: fs.readFileSync(path.join(DATA, file), 'utf8') });
    }
  }
  return texts;
}

function dataFile(prefix: string): string {
  const files = fs.existsSync(DATA) ? fs.readdirSync(DATA).filter((name) => name.startsWith(prefix) && name.endsWith('.log')) : [];
  if (files.length === 0) {
    throw new Error(`No bench/data/${prefix}*.log: run npm run bench first.`);
  }
  return path.join(DATA, files.sort()[0]);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time per function of a .cpuprofile, largest first. */
function summary(file: string, top = 25): void {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id)!;
    const delta = profile.timeDeltas[index] ?? 0;
    total += delta;
    const frame = node.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url || '')}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + delta);
  });
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log(`total ${(total / 1000).toFixed(0)} ms`);
  for (const [key, micros] of rows) {
    console.log(`${(micros / 1000).toFixed(1).padStart(9)} ms ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
}

async function main(): Promise<void> {
  const [stage, ...args] = process.argv.slice(2);
  const extra = args.includes('--extra');
  if (stage === 'summary') {
    summary(args[0], Number(args[1] ?? 25));
    return;
  }
  const texts = catalogTexts(extra);
  const service = createLanguageService(texts);
  if (stage === 'document') {
    const text = fs.readFileSync(dataFile('doc-'), 'utf8');
    const times: number[] = [];
    for (let run = 0; run < 9; run++) {
      const start = now();
      service.createDocument(text);
      times.push(now() - start);
    }
    console.log(`CodeDocument: median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms (${times.map((time) => time.toFixed(0)).join(', ')})`);
  } else if (stage === 'diagnostics') {
    const text = fs.readFileSync(dataFile('doc-'), 'utf8');
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const document = service.createDocument(text);
      const start = now();
      service.diagnostics(document, { language: 'en', severity: { serverError: 'error', clientError: 'warning', unknownStatus: 'warning', success: 'hint' }, maxCount: 1000 });
      times.push(now() - start);
    }
    console.log(`resolve + diagnostics: median ${median(times).toFixed(1)} ms (${times.map((time) => time.toFixed(0)).join(', ')})`);
  } else if (stage === 'file') {
    const file = dataFile('scan-');
    const start = now();
    let found = 0;
    await scanFile(service, file, { onFound: () => found++ });
    console.log(`scanFile ${path.basename(file)}: ${(now() - start).toFixed(0)} ms, ${found} found`);
  } else if (stage === 'index') {
    const { catalogs } = loadCatalogs(texts);
    const times: number[] = [];
    for (let run = 0; run < 30; run++) {
      const start = now();
      new CodeIndex(catalogs);
      times.push(now() - start);
    }
    console.log(`CodeIndex: median ${median(times).toFixed(2)} ms`);
  } else {
    throw new Error('Stage: document [--extra] | diagnostics | file | index | summary <profile>');
  }
}

main().catch((error) => {
  console.error((error as Error).stack ?? error);
  process.exitCode = 1;
});
