/*
 * `npm run bench`: how Error Codebook copes with big logs. It generates its own deterministic data
 * (bench/data/, git-ignored), measures the language server over real JSON-RPC and the core
 * in-process, compares each figure with its reference (ripgrep on the same file) or target, prints a
 * table and writes bench/results.json.
 *
 * A target that is missed is reported, never fatal: the run exits 0. It exits non-zero only when
 * something breaks: the server crashes or times out, or a count is wrong.
 *
 * Environment: BENCH_DOC_MB (default 20), BENCH_FILE_MB (default 200), BENCH_PROFILE=1 runs the
 * server with --cpu-prof into bench/data/profiles/.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultSettings } from '../server/src/common/settings';
import type { CatalogText, LoadedCatalogs, LanguageService } from '../server/src/core/index';
import { catalogTexts as miniCatalogTexts } from '../test/support/miniCatalogs';
import { Core, loadBundledCore } from './lib/bundledCore';
import { extraCatalogText } from './lib/extraCatalog';
import { CodePosition, ERROR_LINE_ONE_IN, LogGenerator, generateLogFile, generateLogText } from './lib/logGenerator';
import { LspSession, PublishedDiagnostics } from './lib/lspSession';
import { DiskOpenResult, openAsText, openFromDisk, readPath, settle } from './lib/largeLogs';
import { VsCodeResult, measureInVsCode } from './lib/vscodeE2e';
import { Row, RipgrepResult, formatValue, gc, median, now, percentile, ripgrep, ripgrepVersion, table } from './lib/measure';
import { Random } from './lib/random';

const ROOT = path.resolve(__dirname, '..');
const DATA = path.join(ROOT, 'bench', 'data');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const MiB = 1 << 20;
const SEED = 20240602;
const DOC_MB = Number(process.env.BENCH_DOC_MB ?? 20);
/** Lines of the error log whose every line names another host, for the Error Codes view's groups. */
const HOST_LINES = 40_000;
/** Error bodies in the one-line minified JSON array (about 3.6 MB). */
const MINIFIED_BODIES = 40_000;
const FILE_MB = Number(process.env.BENCH_FILE_MB ?? 200);
const PROFILE = process.env.BENCH_PROFILE === '1';
const EXTRA_CODES = 10_000;
const HOVERS = 1000;
const LSP_OPENS = 3;
/** Runs of the command line on the large file, per output format: the figure is their median. */
const CLI_RUNS = 3;
/** The severities the extension and the command line rate findings with by default. */
const SEVERITY = defaultSettings()['diagnostics.severity'];
/** Opens of the large log in VS Code (BENCH_VSCODE=0 leaves that row out). */
const VSCODE_RUNS = process.env.BENCH_VSCODE === '0' ? 0 : 3;
const EDITS = 6;
/** The single-line log typed into, and how many keystrokes. */
const LONG_LINE_MB = 4;
const KEYSTROKES = 3;
/** Quiet time before each edit, so each is measured as an isolated edit (the server debounces bursts). */
const EDIT_GAP_MS = 100;
/** The diagnostics cap the server uses by default (diagnostics.maxPerFile). */
const LOG_URI = (n: number) => `file:///bench/data/log-${DOC_MB}mb-${n}.log`;

const failures: string[] = [];
/** The core as esbuild bundles it for dist/, loaded in main(). */
let core: Core;
const sessions = new Set<LspSession>();

function fail(message: string): void {
  failures.push(message);
  console.error(`FAILED: ${message}`);
}

function log(message: string): void {
  console.log(message);
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 1000) / 1000 : value;
}

function mb(bytes: number): number {
  return bytes / MiB;
}

// ---------------------------------------------------------------------------------------------
// Catalogs

interface Catalogs {
  texts: CatalogText[];
  /** Where they came from, for the report. */
  origin: string;
  /** Settings for the server and arguments for the CLI so they load the same catalogs. */
  serverSettings: Record<string, unknown>;
  cliArgs: string[];
  fingerprint: string;
}

function loadRealCatalogs(): Catalogs {
  const folder = path.join(ROOT, 'catalogs');
  const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith('.json')).sort() : [];
  const texts = files.map((name) => ({ file: path.join(folder, name), text: fs.readFileSync(path.join(folder, name), 'utf8') }));
  const loaded = core.loadCatalogs(texts);
  for (const problem of loaded.problems) {
    log(`  catalog problem: ${path.relative(ROOT, problem.file)}:${problem.line}:${problem.column}: ${problem.message}`);
  }
  if (loaded.catalogs.length > 0) {
    return { texts, origin: `catalogs/ (${loaded.catalogs.map(({ catalog }) => `${catalog.id}: ${catalog.entries.length}`).join(', ')})`, serverSettings: {}, cliArgs: [], fingerprint: fingerprint(texts) };
  }
  // No real catalogs yet: use the test suite's mini catalogs, written where the server can load them.
  const miniFolder = path.join(DATA, 'catalogs-mini');
  fs.mkdirSync(miniFolder, { recursive: true });
  const minis = miniCatalogTexts().map(({ file, text }) => ({ file: path.join(miniFolder, file), text }));
  for (const { file, text } of minis) {
    fs.writeFileSync(file, text);
  }
  log('  NOTE: catalogs/ holds no loadable catalog; using the mini catalogs of test/support/miniCatalogs.ts.');
  return { texts: minis, origin: 'test/support/miniCatalogs.ts (catalogs/ was empty)', serverSettings: { catalogPaths: [miniFolder] }, cliArgs: ['--catalog', miniFolder], fingerprint: fingerprint(minis) };
}

function fingerprint(texts: CatalogText[]): string {
  const hash = createHash('sha1');
  for (const name of ['bench/lib/logGenerator.ts', 'bench/lib/random.ts']) {
    hash.update(fs.readFileSync(path.join(ROOT, name)));
  }
  for (const { file, text } of [...texts].sort((a, b) => a.file.localeCompare(b.file))) {
    hash.update(path.basename(file)).update(text);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The literal codes of the loaded catalogs, one a line, for `rg -F -f`. */
function writeCodesFile(service: LanguageService, file: string): number {
  const codes = [...new Set(service.index.entries.filter((entry) => !entry.template.isTemplate).map((entry) => entry.data.code))].sort();
  fs.writeFileSync(file, codes.join('\n') + '\n');
  return codes.length;
}

// ---------------------------------------------------------------------------------------------
// Data

interface Manifest {
  [key: string]: { file: string; bytes: number; lines: number; errorLines: number; rejectedOrdinaryLines: number };
}

function readManifest(): Manifest {
  try {
    return JSON.parse(fs.readFileSync(path.join(DATA, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return {};
  }
}

function bigFile(service: LanguageService, catalogs: Catalogs): Manifest[string] & { generatedMs?: number } {
  const key = `scan-${FILE_MB}mb:${SEED + 1}:${catalogs.fingerprint}`;
  const manifest = readManifest();
  const known = manifest[key];
  if (known && fs.existsSync(known.file) && fs.statSync(known.file).size === known.bytes) {
    return known;
  }
  const file = path.join(DATA, `scan-${FILE_MB}mb.log`);
  const start = now();
  const result = generateLogFile(service, SEED + 1, FILE_MB * MiB, file, (target, chunk, append) => (append ? fs.appendFileSync(target, chunk) : fs.writeFileSync(target, chunk)));
  const generatedMs = now() - start;
  const entry = { file, ...result };
  fs.writeFileSync(path.join(DATA, 'manifest.json'), JSON.stringify({ [key]: entry }, null, 2));
  return { ...entry, generatedMs };
}

function lineAt(text: string, line: number): { start: number; text: string } {
  let start = 0;
  for (let i = 0; i < line; i++) {
    start = text.indexOf('\n', start) + 1;
  }
  const end = text.indexOf('\n', start);
  return { start, text: text.slice(start, end === -1 ? text.length : end) };
}

// ---------------------------------------------------------------------------------------------
// LSP

/** The number of findings behind published diagnostics: the cap note's total, else the count. */
function totalOf(published: PublishedDiagnostics): number {
  const note = published.diagnostics.find((diagnostic) => diagnostic.code === undefined && /shows \d+ of \d+/.test(diagnostic.message));
  if (note) {
    return Number(/shows \d+ of (\d+)/.exec(note.message)![1]);
  }
  return published.diagnostics.length;
}

interface LspResults {
  openTimes: number[];
  /**
   * didOpen → the last publishDiagnostics of version 1 (in the last run, after its hovers), when the
   * server published it again once the whole document's clues were tallied; NaN when it did not.
   */
  republishedAfter: number;
  /** Time for the client to serialize and write the didOpen notification. */
  sendTimes: number[];
  diagnosticsPublished: number;
  capNoteTotal: number;
  findingsRequestTotal: number;
  hoverTimes: number[];
  hoverMisses: number;
  editTimes: number[];
  /** didChangeConfiguration of the display language → the diagnostics published again. */
  settingsTimes: number[];
  /** The longest a hover waited while those settings changes were handled. */
  settingsHoverWait: number;
  idleRss: number;
  /** RSS right after the last settings change was published. */
  rssAtOnce: number;
  /** RSS once the server was left alone after it (SETTLE_MS). */
  rss: number;
  peakRss: number;
}

async function benchLsp(text: string, lineCount: number, codes: CodePosition[], expected: number, catalogs: Catalogs, generator: LogGenerator): Promise<LspResults> {
  const results: LspResults = { openTimes: [], republishedAfter: NaN, sendTimes: [], diagnosticsPublished: 0, capNoteTotal: NaN, findingsRequestTotal: NaN, hoverTimes: [], hoverMisses: 0, editTimes: [], settingsTimes: [], settingsHoverWait: NaN, idleRss: NaN, rssAtOnce: NaN, rss: NaN, peakRss: NaN };
  const profileDir = path.join(DATA, 'profiles');
  if (PROFILE) {
    fs.mkdirSync(profileDir, { recursive: true });
  }
  for (let run = 0; run < LSP_OPENS; run++) {
    const last = run === LSP_OPENS - 1;
    const session = await LspSession.start(SERVER, {
      settings: catalogs.serverSettings,
      nodeArgs: PROFILE && run === 0 ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    });
    sessions.add(session);
    try {
      // Let the server finish starting (catalog loading) before the clock starts.
      await session.request('errorCodebook/catalogStatus', {});
      results.idleRss = session.memory()?.rss ?? NaN;
      const uri = LOG_URI(run);
      const published = session.nextDiagnostics(uri, 1);
      const start = now();
      await session.open(uri, 'log', 1, text);
      const sent = now() - start;
      const diagnostics = await published;
      const elapsed = now() - start;
      results.openTimes.push(elapsed);
      results.sendTimes.push(sent);
      const total = totalOf(diagnostics);
      log(`  open #${run + 1}: diagnostics after ${formatValue(elapsed, 'ms')} (client serialized and wrote didOpen in ${formatValue(sent, 'ms')}; ${diagnostics.diagnostics.length} published, findings total ${total})`);
      if (total !== expected) {
        fail(`LSP open #${run + 1}: the server reports ${total} findings, the generator wrote ${expected} error lines.`);
      }
      if (!last) {
        continue;
      }
      results.diagnosticsPublished = diagnostics.diagnostics.length;
      results.capNoteTotal = total;
      const findings = await session.request<{ total: number }>('errorCodebook/documentFindings', { uri });
      results.findingsRequestTotal = findings.total;
      if (findings.total !== expected) {
        fail(`errorCodebook/documentFindings reports ${findings.total} findings, expected ${expected}.`);
      }

      // Hovers at random code positions: a few warm-up ones, then the measured ones, one at a time.
      const random = new Random(SEED + 7);
      const hoverAt = async (position: CodePosition, measured: boolean) => {
        const character = random.int(position.start, position.end);
        const started = now();
        const hover = await session.request<{ range: { start: { line: number; character: number }; end: { character: number } } } | null>('textDocument/hover', {
          textDocument: { uri },
          position: { line: position.line, character },
        });
        const took = now() - started;
        if (!measured) {
          return;
        }
        results.hoverTimes.push(took);
        if (!hover || hover.range.start.line !== position.line || hover.range.start.character !== position.start || hover.range.end.character !== position.end) {
          results.hoverMisses++;
        }
      };
      for (let i = 0; i < 20; i++) {
        await hoverAt(random.pick(codes), false);
      }
      for (let i = 0; i < HOVERS; i++) {
        await hoverAt(random.pick(codes), true);
      }
      // A large text is published first with the clues tallied so far, and again once all are.
      const versionOne = session.publications.filter((publication) => publication.uri === uri && publication.version === 1);
      if (versionOne.length > 1) {
        results.republishedAfter = versionOne[versionOne.length - 1].at - start;
      }
      if (results.hoverMisses > 0) {
        fail(`${results.hoverMisses} of ${HOVERS} hovers at code positions returned nothing or the wrong range.`);
      }

      // One-line edits: an ordinary line becomes an error line (one more finding), then goes back.
      const codeLines = new Set(codes.map((code) => code.line));
      let version = 1;
      for (let edit = 0; edit < EDITS; edit += 2) {
        let line = Math.floor((lineCount * (edit + 1)) / (EDITS + 1));
        while (codeLines.has(line)) {
          line++;
        }
        const original = lineAt(text, line).text;
        const replacement = generator.errorLineNow().text;
        for (const [newText, oldText, expectedTotal] of [
          [replacement, original, expected + 1],
          [original, replacement, expected],
        ] as const) {
          // An isolated edit, as a person makes one: not within the debounce window of the last.
          await new Promise((resolve) => setTimeout(resolve, EDIT_GAP_MS));
          version++;
          const updated = session.nextDiagnostics(uri, version);
          const started = now();
          await session.change(uri, version, [{ range: { start: { line, character: 0 }, end: { line, character: oldText.length } }, text: newText }]);
          const published = await updated;
          results.editTimes.push(now() - started);
          const editTotal = totalOf(published);
          if (editTotal !== expectedTotal) {
            fail(`After edit to version ${version} (line ${line}) the server reports ${editTotal} findings, expected ${expectedTotal}.`);
          }
        }
      }

      // Changes of settings that do not affect scanning: the display language, back and forth. Only
      // the diagnostics are rendered and published again; hovers are answered meanwhile.
      const waits: number[] = [];
      for (const displayLanguage of ['zh-cn', 'en', 'zh-cn', 'en']) {
        const republished = session.nextDiagnostics(uri, version);
        const started = now();
        await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { errorCodebook: { ...catalogs.serverSettings, displayLanguage } } });
        const probing = probeWhile(session, uri, codes[0], republished, waits);
        const published = await republished;
        results.settingsTimes.push(now() - started);
        await probing;
        // The findings total follows the diagnostics (errorCodebook/findingsChanged); a request after it has it read.
        await session.request('errorCodebook/catalogStatus', {});
        // The cap note, first, is the server's own words: in the language asked for.
        const inLanguage = (displayLanguage === 'zh-cn') === /[\u4e00-\u9fff]/.test(published.diagnostics[0]?.message ?? '');
        if (session.findingsTotals.get(uri) !== expected || published.diagnostics.length !== results.diagnosticsPublished || !inLanguage) {
          fail(`After the display language changed to ${displayLanguage} the republished diagnostics are not all in it, or not all there.`);
        }
      }
      results.settingsHoverWait = Math.max(...waits);
      // Right after the last change, and once the server has been left alone as for the other RSS rows.
      results.rssAtOnce = session.memory()?.rss ?? NaN;
      await settle();
      const memory = session.memory();
      results.rss = memory?.rss ?? NaN;
      results.peakRss = memory?.peak ?? NaN;
    } finally {
      await session.stop();
      sessions.delete(session);
    }
  }
  return results;
}

/**
 * Sends hovers at a code one after another until `until` settles, and records how long each
 * waited: the longest is how long a request was held up by the work going on meanwhile.
 */
async function probeWhile(session: LspSession, uri: string, code: CodePosition, until: Promise<unknown>, waits: number[]): Promise<void> {
  let settled = false;
  void until.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) {
    const started = now();
    await session.request('textDocument/hover', { textDocument: { uri }, position: { line: code.line, character: code.start } });
    waits.push(now() - started);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface LongLineResults {
  /** The longest a request waited behind each keystroke, until that keystroke's diagnostics were published. */
  keystrokeWaits: number[];
  /** The first request right after each keystroke: it waits for the edit to be applied. */
  firstWaits: number[];
  /** The longest wait of the requests after it, while the diagnostics are worked out in slices. */
  laterWaits: number[];
  /** didChange → diagnostics of that version. */
  publishTimes: number[];
}

/** Keystrokes on a single-line log of `AIS.0101 ` repeated to 4 MB, with requests sent behind each. */
async function benchLongLine(catalogs: Catalogs): Promise<LongLineResults> {
  const results: LongLineResults = { keystrokeWaits: [], firstWaits: [], laterWaits: [], publishTimes: [] };
  const unit = 'AIS.0101 ';
  const text = unit.repeat(Math.ceil((LONG_LINE_MB * MiB) / unit.length));
  const session = await LspSession.start(SERVER, { settings: catalogs.serverSettings });
  sessions.add(session);
  try {
    await session.request('errorCodebook/catalogStatus', {});
    const uri = 'file:///bench/data/one-line.log';
    const opened = session.nextDiagnostics(uri, 1);
    await session.open(uri, 'log', 1, text);
    await opened;
    const code: CodePosition = { line: 0, start: 0, end: 8, token: 'AIS.0101' };
    for (let keystroke = 0; keystroke < KEYSTROKES; keystroke++) {
      const version = keystroke + 2;
      const published = session.nextDiagnostics(uri, version);
      const character = Math.floor(text.length / 2) + keystroke * unit.length;
      const started = now();
      await session.change(uri, version, [{ range: { start: { line: 0, character }, end: { line: 0, character } }, text: 'x' }]);
      const waits: number[] = [];
      await probeWhile(session, uri, code, published, waits);
      results.publishTimes.push(now() - started);
      results.firstWaits.push(waits[0] ?? NaN);
      results.laterWaits.push(Math.max(...waits.slice(1)));
      results.keystrokeWaits.push(Math.max(...waits));
    }
  } finally {
    await session.stop();
    sessions.delete(session);
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// In-process

function timeIndexBuild(catalogs: LoadedCatalogs['catalogs'], runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs + 2; run++) {
    const start = now();
    new core.CodeIndex(catalogs);
    const elapsed = now() - start;
    if (run >= 2) {
      times.push(elapsed);
    }
  }
  return median(times);
}

/** Counts the findings of the text; when `codes` is given, reports any finding that is not one of them, and any code not found. */
function countDocument(service: LanguageService, text: string, codes?: CodePosition[]): number {
  const document = service.createDocument(text);
  const expected = new Set((codes ?? []).map((code) => `${code.line}:${code.start}`));
  const unexpected: string[] = [];
  let count = 0;
  for (const { occurrence } of document.occurrences()) {
    count++;
    if (codes && !expected.delete(`${occurrence.line}:${occurrence.start}`) && unexpected.length < 5) {
      unexpected.push(`  unexpected ${occurrence.token} (${occurrence.context}) at ${occurrence.line + 1}:${occurrence.start + 1}: ${document.lineText(occurrence.line).slice(0, 220)}`);
    }
  }
  if (codes && (unexpected.length > 0 || expected.size > 0)) {
    log(unexpected.join('\n'));
    for (const missing of [...expected].slice(0, 5)) {
      const line = Number(missing.split(':')[0]);
      log(`  missing finding at ${line + 1}: ${document.lineText(line).slice(0, 220)}`);
    }
  }
  return count;
}

/** Median time of creating a CodeDocument of the text with each service, runs interleaved. */
function timeDocuments(services: LanguageService[], text: string, runs: number): number[][] {
  const times = services.map(() => [] as number[]);
  for (const service of services) {
    service.createDocument(text); // warm-up
    gc();
  }
  for (let run = 0; run < runs; run++) {
    services.forEach((service, which) => {
      gc();
      const start = now();
      const document = service.createDocument(text);
      times[which].push(now() - start);
      void document;
    });
  }
  gc();
  return times;
}

async function timeFileScan(service: LanguageService, file: string, runs: number): Promise<{ times: number[]; found: number; lines: number }> {
  const times: number[] = [];
  let found = 0;
  let lines = 0;
  for (let run = 0; run < runs; run++) {
    gc();
    let count = 0;
    const start = now();
    const result = await core.scanFile(service, file, { onFound: () => count++ });
    times.push(now() - start);
    found = count;
    lines = result.lines;
  }
  return { times, found, lines };
}

/** The whole CLI process on a file, writing text or JSON to a pipe that is read and counted. */
function timeCli(file: string, catalogs: Catalogs, runs: number, format: 'text' | 'json'): { times: number[]; found: number } {
  const times: number[] = [];
  let found = NaN;
  for (let run = 0; run < runs; run++) {
    const start = now();
    const result = spawnSync(process.execPath, [CLI, 'scan', '--format', format, '--fail-on', 'none', ...catalogs.cliArgs, file], { encoding: 'utf8', maxBuffer: 1 << 30 });
    times.push(now() - start);
    if (result.status !== 0) {
      fail(`The CLI exited with ${result.status}: ${result.stderr.slice(0, 500)}`);
      return { times, found };
    }
    let count: number;
    if (format === 'json') {
      const output = JSON.parse(result.stdout) as { files: { findings: unknown[]; error?: string }[] };
      count = output.files.reduce((sum, report) => sum + report.findings.length, 0);
    } else {
      count = Number(/^(\d+) error codes? found/m.exec(result.stdout)?.[1] ?? NaN);
    }
    // Every run must find as many: one that differs makes the count fail the sanity check.
    found = run === 0 || count === found ? count : NaN;
  }
  return { times, found };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const startedAt = now();
  const loadAtStart = os.loadavg().map((load) => Math.round(load * 100) / 100);
  fs.mkdirSync(DATA, { recursive: true });
  if (!fs.existsSync(SERVER) || !fs.existsSync(CLI)) {
    throw new Error('dist/server.js or dist/cli.js is missing: run npm run build first.');
  }
  for (const [file, args] of [[SERVER, ['--version']], [CLI, ['--help']]] as const) {
    const check = spawnSync(process.execPath, [file, ...args], { encoding: 'utf8' });
    if (check.status !== 0) {
      throw new Error(
        `${path.relative(ROOT, file)} does not start (exit ${check.status}):\n${check.stderr.split('\n').slice(0, 8).join('\n')}\n` +
          "(If it cannot find './impl/format', esbuild bundled jsonc-parser's UMD build: the build needs --main-fields=module,main.)",
      );
    }
  }
  if (!(globalThis as { gc?: unknown }).gc) {
    log('NOTE: run with node --expose-gc so memory is freed between stages.');
  }
  log(`Error Codebook benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${ripgrepVersion() ?? 'ripgrep not installed'}, load average ${loadAtStart.join(' ')}`);

  core = loadBundledCore(path.join(DATA, 'core.bundle.js'));

  // Catalogs and services.
  const catalogs = loadRealCatalogs();
  const service = core.createLanguageService(catalogs.texts);
  log(`Catalogs: ${catalogs.origin}; ${service.index.entries.length} entries`);
  const codesFile = path.join(DATA, 'codes.txt');
  const literalCodes = writeCodesFile(service, codesFile);

  // The 20 MB document, in memory and on disk (for ripgrep).
  let start = now();
  const doc = generateLogText(service, SEED, DOC_MB * MiB);
  let text: string | undefined = doc.text;
  const docFile = path.join(DATA, `doc-${DOC_MB}mb.log`);
  fs.writeFileSync(docFile, text);
  const docBytes = fs.statSync(docFile).size;
  const expected = doc.codes.length;
  log(`Generated ${path.relative(ROOT, docFile)}: ${mb(docBytes).toFixed(1)} MB, ${doc.lines} lines, ${expected} error lines (1 in ${(doc.lines / expected).toFixed(1)}), in ${formatValue(now() - start, 'ms')}`);
  if (doc.generator.rejectedOrdinaryLines > 0) {
    log(`  NOTE: ${doc.generator.rejectedOrdinaryLines} ordinary lines held a finding by chance and were replaced, e.g.: ${doc.generator.rejectedOrdinaryExamples[0]}`);
  }
  if (doc.generator.droppedOrdinary.length > 0) {
    log(`  NOTE: ordinary line shapes ${doc.generator.droppedOrdinary.join(', ')} produced findings with these catalogs and were left out.`);
  }

  // The same size of log in plain ASCII, for the memory of a one-byte text.
  start = now();
  const asciiDoc = generateLogText(service, SEED + 5, DOC_MB * MiB, 'ascii');
  let asciiText: string | undefined = asciiDoc.text;
  const asciiFile = path.join(DATA, `doc-ascii-${DOC_MB}mb.log`);
  fs.writeFileSync(asciiFile, asciiText);
  asciiDoc.text = '';
  const asciiExpected = asciiDoc.codes.length;
  log(`Generated ${path.relative(ROOT, asciiFile)}: ${mb(fs.statSync(asciiFile).size).toFixed(1)} MB of plain ASCII, ${asciiDoc.lines} lines, ${asciiExpected} error lines, in ${formatValue(now() - start, 'ms')}`);

  start = now();
  const big = bigFile(service, catalogs);
  log(`${big.generatedMs !== undefined ? 'Generated' : 'Reused'} ${path.relative(ROOT, big.file)}: ${mb(big.bytes).toFixed(1)} MB, ${big.lines} lines, ${big.errorLines} error lines${big.generatedMs !== undefined ? `, in ${formatValue(big.generatedMs, 'ms')}` : ''}`);

  // References: ripgrep on the same files.
  log(`ripgrep: ${literalCodes} literal codes in ${path.relative(ROOT, codesFile)}`);
  const rgDoc: RipgrepResult = ripgrep(codesFile, docFile, 5);
  const rgBig: RipgrepResult = ripgrep(codesFile, big.file, 3);
  if (rgDoc.available) {
    log(`  rg ${DOC_MB} MB: ${formatValue(rgDoc.median, 'ms')} (${rgDoc.matches} matches); rg ${FILE_MB} MB: ${formatValue(rgBig.median, 'ms')} (${rgBig.matches} matches)`);
  }

  // Language server.
  log('Language server (dist/server.js --stdio):');
  const lsp = await benchLsp(text, doc.lines, doc.codes, expected, catalogs, doc.generator);
  gc();
  log(`Language server, keystrokes on a ${LONG_LINE_MB} MB single-line log:`);
  const longLine = await benchLongLine(catalogs);
  log(`  longest request wait per keystroke: ${longLine.keystrokeWaits.map((value) => formatValue(value, 'ms')).join(', ')}; first request after it: ${longLine.firstWaits.map((value) => formatValue(value, 'ms')).join(', ')}; the others: ${longLine.laterWaits.map((value) => formatValue(value, 'ms')).join(', ')}; diagnostics after ${longLine.publishTimes.map((value) => formatValue(value, 'ms')).join(', ')}`);
  gc();

  // Large logs without the JSON tax: read from disk, memory open and closed, the read path.
  log(`Language server, a ${DOC_MB} MB log read from disk (errorCodebook/openFromDisk, a fresh server each):`);
  const diskOpens: DiskOpenResult[] = [];
  for (let run = 0; run < LSP_OPENS; run++) {
    const opened = await openFromDisk(SERVER, catalogs.serverSettings, docFile, sessions);
    diskOpens.push(opened);
    log(`  open #${run + 1}: diagnostics after ${formatValue(opened.time, 'ms')} (findings total ${opened.total}); RSS idle ${mb(opened.idle).toFixed(0)}, open ${mb(opened.open).toFixed(0)}, peak ${mb(opened.peak).toFixed(0)}, closed ${mb(opened.closed).toFixed(0)} MB`);
    if (opened.total !== expected) {
      fail(`Read from disk (#${run + 1}), the server reports ${opened.total} findings, the generator wrote ${expected} error lines.`);
    }
  }
  const diskAscii = await openFromDisk(SERVER, catalogs.serverSettings, asciiFile, sessions);
  log(`  plain ASCII: diagnostics after ${formatValue(diskAscii.time, 'ms')} (total ${diskAscii.total}); RSS open ${mb(diskAscii.open).toFixed(0)}, peak ${mb(diskAscii.peak).toFixed(0)}, closed ${mb(diskAscii.closed).toFixed(0)} MB`);
  if (diskAscii.total !== asciiExpected) {
    fail(`Read from disk, the ASCII log gives ${diskAscii.total} findings, the generator wrote ${asciiExpected}.`);
  }
  log('Language server memory, the text sent (a fresh server each):');
  const textMixed = await openAsText(SERVER, catalogs.serverSettings, text, sessions);
  const textAscii = await openAsText(SERVER, catalogs.serverSettings, asciiText, sessions);
  for (const [name, result, total] of [['with Chinese lines', textMixed, expected], ['plain ASCII', textAscii, asciiExpected]] as const) {
    log(`  ${name}: RSS idle ${mb(result.idle).toFixed(0)}, open ${mb(result.open).toFixed(0)}, peak ${mb(result.peak).toFixed(0)}, closed ${mb(result.closed).toFixed(0)} MB (findings total ${result.total})`);
    if (result.total !== total) {
      fail(`Sent as text (${name}), the server reports ${result.total} findings, the generator wrote ${total}.`);
    }
  }
  log(`VS Code (code-server, this repository as the extension under development; ${VSCODE_RUNS} opens of a copy of the ${DOC_MB} MB log as a person opens it, ${VSCODE_RUNS} as an extension does):`);
  const skipped: VsCodeResult = { available: false, why: 'left out (BENCH_VSCODE=0)', runs: [], rssBefore: NaN, rssAfterClosing: NaN, largeDocumentsStillOpen: 0 };
  const vscodeRuns = VSCODE_RUNS === 0 ? skipped : await measureInVsCode(docFile, path.join(ROOT, 'test', 'fixtures', 'documents', 'huaweicloud-sdk-python.log'), VSCODE_RUNS, DATA).catch((error: unknown): VsCodeResult => {
    fail(`The measurement in VS Code broke: ${(error as Error).message}`);
    return { available: false, why: (error as Error).message.split('\n')[0], runs: [], rssBefore: NaN, rssAfterClosing: NaN, largeDocumentsStillOpen: 0 };
  });
  if (!vscodeRuns.available) {
    log(`  n/a: ${vscodeRuns.why}`);
  }
  for (const [index, run] of vscodeRuns.runs.entries()) {
    const diagnosed = run.toDiagnosticsMs >= 0 ? `${formatValue(run.toDiagnosticsMs, 'ms')} after that` : `${formatValue(-run.toDiagnosticsMs, 'ms')} before that`;
    log(`  open #${index + 1} (${run.opened === 'editor' ? 'vscode.open' : 'openTextDocument'}): its editor after ${formatValue(run.toTabMs, 'ms')}, the text in the extension host after ${formatValue(run.toExtensionHostMs, 'ms')}; Error Codebook's ${run.diagnostics} diagnostics ${diagnosed} (read ahead: ${run.readAhead}; read from disk: ${run.readFromDisk}); extension host RSS ${mb(run.rss).toFixed(0)} MB`);
    if (!run.readFromDisk) {
      fail(`In VS Code the ${DOC_MB} MB log (open #${index + 1}) was not read from disk.`);
    }
    if (run.opened === 'editor' && !run.readAhead) {
      fail(`In VS Code the ${DOC_MB} MB log (open #${index + 1}) was opened in an editor first, but not read ahead.`);
    }
  }
  if (vscodeRuns.available) {
    log(`  extension host RSS before ${mb(vscodeRuns.rssBefore).toFixed(0)} MB; 10 s after the editors were closed ${mb(vscodeRuns.rssAfterClosing).toFixed(0)} MB, with ${vscodeRuns.largeDocumentsStillOpen} of the large documents still held by VS Code`);
  }
  log('Reading one huge didOpen over stdio (in-process, 64 KB pieces, median of 5):');
  const readMixed = await readPath(core, text, 5);
  const readAscii = await readPath(core, asciiText, 5);
  asciiText = undefined;
  for (const [name, result] of [['with Chinese lines', readMixed], ['plain ASCII', readAscii]] as const) {
    log(`  ${name}, ${mb(result.bytes).toFixed(1)} MB: the server's reader ${formatValue(result.ours, 'ms')}, vscode-jsonrpc's ${formatValue(result.stock, 'ms')}, JSON.parse alone ${formatValue(result.floor, 'ms')}`);
  }
  gc();

  // In-process: index building with and without 10,000 extra codes.
  log('In-process:');
  const extraFile = path.join(DATA, `catalog-extra-${EXTRA_CODES}.json`);
  fs.writeFileSync(extraFile, extraCatalogText(EXTRA_CODES, SEED + 3));
  const extraTexts = [...catalogs.texts, { file: extraFile, text: fs.readFileSync(extraFile, 'utf8') }];
  start = now();
  const loadedExtra = core.loadCatalogs(extraTexts);
  const loadExtraMs = now() - start;
  const extraProblems = loadedExtra.problems.filter((problem) => problem.file === extraFile);
  if (extraProblems.length > 0 || !loadedExtra.catalogs.some(({ catalog }) => catalog.id === 'bench-extra-codes')) {
    fail(`The generated catalog of ${EXTRA_CODES} codes does not load: ${extraProblems.slice(0, 3).map((problem) => problem.message).join('; ')}`);
  }
  const extraEntries = loadedExtra.catalogs.find(({ catalog }) => catalog.id === 'bench-extra-codes')?.catalog.entries.length ?? 0;
  const indexMs = timeIndexBuild(service.loaded.catalogs, 15);
  const indexExtraMs = timeIndexBuild(loadedExtra.catalogs, 15);
  log(`  index: ${formatValue(indexMs, 'ms')} for ${service.index.entries.length} entries, ${formatValue(indexExtraMs, 'ms')} with ${extraEntries} more (catalog parse + check + index: ${formatValue(loadExtraMs, 'ms')})`);
  const serviceExtra = core.createLanguageService(extraTexts);

  // In-process: the 20 MB text as a CodeDocument, with and without the extra codes.
  const countReal = countDocument(service, text, doc.codes);
  const countExtra = countDocument(serviceExtra, text);
  if (countReal !== expected) {
    fail(`In-process CodeDocument finds ${countReal} findings, expected ${expected}.`);
  }
  if (countExtra !== expected) {
    fail(`In-process CodeDocument with ${EXTRA_CODES} extra codes finds ${countExtra} findings, expected ${expected}.`);
  }
  gc();
  const [docTimes, docExtraTimes] = timeDocuments([service, serviceExtra], text, 9);
  const docMs = median(docTimes);
  // One line holding thousands of codes under a code key (a minified JSON array of error bodies):
  // its scan must cost about what as many bytes of log cost, not the square of its codes.
  const minifiedLine = `[${Array.from({ length: MINIFIED_BODIES }, (_, at) => `{"RequestId":"${at}","HostId":"ecs.cn-hangzhou.aliyuncs.com","Code":"IncorrectInstanceStatus"}`).join(',')}]`;
  const minifiedMb = Buffer.byteLength(minifiedLine) / (1024 * 1024);
  const minifiedFound = countDocument(service, minifiedLine);
  if (minifiedFound !== MINIFIED_BODIES) {
    fail(`In-process CodeDocument finds ${minifiedFound} codes in the minified array of ${MINIFIED_BODIES} error bodies, expected one each.`);
  }
  const [minifiedTimes] = timeDocuments([service], minifiedLine, 5);
  const minifiedMs = median(minifiedTimes);
  log(`  one line of ${MINIFIED_BODIES} error bodies (${minifiedMb.toFixed(1)} MB): ${formatValue(minifiedMs, 'ms')}`);
  // The Error Codes view's groups of an error log whose every line names another host: a group per
  // line, all of one code, found in time linear in the lines (not the square of them), against the
  // same lines naming one host (one group).
  const timeGrouping = (host: (line: number) => string): { ms: number; groups: number } => {
    const lines = Array.from({ length: HOST_LINES }, (_, line) => `GET https://${host(line)}.cn-north-4.myhuaweicloud.com/v2/x 400 AIS.0101 failed`).join('\n');
    const hostDocument = service.createDocument(lines);
    service.findings(hostDocument, 'en', SEVERITY); // decides every code, so the runs time the grouping
    const times: number[] = [];
    let groups = 0;
    for (let run = 0; run < 5; run++) {
      const started = now();
      groups = service.findings(hostDocument, 'en', SEVERITY).groups.length;
      times.push(now() - started);
    }
    return { ms: median(times), groups };
  };
  const manyHosts = timeGrouping((line) => `h${line}.ocr`);
  const oneHost = timeGrouping(() => 'ocr');
  if (manyHosts.groups !== HOST_LINES || oneHost.groups !== 1) {
    fail(`The Error Codes view has ${manyHosts.groups} groups for ${HOST_LINES} lines of as many hosts (expected one each), and ${oneHost.groups} for one host (expected 1).`);
  }
  log(`  groups of ${HOST_LINES} findings, each line another host: ${formatValue(manyHosts.ms, 'ms')} (one host: ${formatValue(oneHost.ms, 'ms')})`);
  const docExtraMs = median(docExtraTimes);
  // Resolution and diagnostics on top of the scan, as the server does them after opening.
  const document = service.createDocument(text);
  start = now();
  const diagnostics = service.diagnostics(document, { language: 'en', severity: SEVERITY, maxCount: 1000 });
  const diagnosticsMs = now() - start;
  if (diagnostics.total !== expected) {
    fail(`In-process diagnostics total ${diagnostics.total}, expected ${expected}.`);
  }
  log(`  CodeDocument ${DOC_MB} MB: ${formatValue(docMs, 'ms')}, with extra codes ${formatValue(docExtraMs, 'ms')}; then diagnostics (resolve all, render ≤1000): ${formatValue(diagnosticsMs, 'ms')}`);
  void document;
  text = undefined;
  doc.text = '';
  gc();

  // In-process and CLI: the 200 MB file streamed from disk.
  const fileScan = await timeFileScan(service, big.file, 3);
  const fileMs = median(fileScan.times);
  if (fileScan.found !== big.errorLines) {
    fail(`scanFile finds ${fileScan.found} findings in the ${FILE_MB} MB file, the generator wrote ${big.errorLines} error lines.`);
  }
  log(`  scanFile ${FILE_MB} MB: ${formatValue(fileMs, 'ms')} (${fileScan.found} found, ${fileScan.lines} lines)`);
  gc();
  const cli = timeCli(big.file, catalogs, CLI_RUNS, 'json');
  const cliMs = median(cli.times);
  if (cli.found !== big.errorLines) {
    fail(`The CLI finds ${cli.found} findings in the ${FILE_MB} MB file, expected ${big.errorLines}.`);
  }
  log(`  CLI scan --format json ${FILE_MB} MB: ${formatValue(cliMs, 'ms')} (${cli.found} found)`);
  const cliText = timeCli(big.file, catalogs, CLI_RUNS, 'text');
  const cliTextMs = median(cliText.times);
  if (cliText.found !== big.errorLines) {
    fail(`The CLI (text) finds ${cliText.found} findings in the ${FILE_MB} MB file, expected ${big.errorLines}.`);
  }
  log(`  CLI scan (text) ${FILE_MB} MB: ${formatValue(cliTextMs, 'ms')} (${cliText.found} found)`);

  // The table.
  const rows: Row[] = [];
  const lspMs = median(lsp.openTimes);
  const rgRef = (result: RipgrepResult, factor: number) => (result.available ? `rg ${formatValue(result.median, 'ms')}${factor !== 1 ? `; ≤ ${factor}× = ${formatValue(result.median * factor, 'ms')}` : '; ≤ rg'}` : 'rg not installed');
  const status = (pass: boolean, available = true): Row['status'] => (!available ? 'n/a' : pass ? 'PASS' : 'MISS');
  rows.push({
    id: 'lsp.fullDiagnostics',
    measure: `LSP didOpen ${DOC_MB} MB → publishDiagnostics (median of ${lsp.openTimes.length})`,
    value: lspMs,
    unit: 'ms',
    reference: rgRef(rgDoc, 5),
    target: rgDoc.median * 5,
    status: status(lspMs <= rgDoc.median * 5, rgDoc.available),
  });
  rows.push({
    id: 'lsp.fullDiagnosticsRepublished',
    measure: '  published again with the whole document\'s clues (last run)',
    value: lsp.republishedAfter,
    unit: 'ms',
    reference: Number.isNaN(lsp.republishedAfter) ? '(published once: the first was final)' : '(its provisional decisions made again)',
    status: 'INFO',
  });
  const sendMs = median(lsp.sendTimes);
  rows.push({
    id: 'lsp.fullDiagnosticsClientSend',
    measure: '  of which the client serializes and writes didOpen',
    value: sendMs,
    unit: 'ms',
    reference: '(part of the row above)',
    status: 'INFO',
  });
  for (const [id, name, result] of [['lsp.readPath', 'with Chinese lines', readMixed], ['lsp.readPathAscii', 'plain ASCII', readAscii]] as const) {
    rows.push({
      id,
      measure: `  stdio read path, one ${mb(result.bytes).toFixed(0)} MB didOpen ${name}: the server's reader (median of 5)`,
      value: result.ours,
      unit: 'ms',
      reference: `JSON.parse alone ${formatValue(result.floor, 'ms')}; ≤ 1.5× = ${formatValue(result.floor * 1.5, 'ms')} (vscode-jsonrpc's ${formatValue(result.stock, 'ms')})`,
      target: result.floor * 1.5,
      status: status(result.ours <= result.floor * 1.5),
    });
  }
  const personRuns = vscodeRuns.runs.filter((run) => run.opened === 'editor');
  const extensionRuns = vscodeRuns.runs.filter((run) => run.opened === 'api');
  // Findings held before the text came (a file read ahead publishes them once it is read) count as 0.
  const vscodeMs = median(personRuns.map((run) => Math.max(0, run.toDiagnosticsMs)));
  const heldBefore = personRuns.filter((run) => run.toDiagnosticsMs < 0).map((run) => -run.toDiagnosticsMs);
  rows.push({
    id: 'vscode.toProblems',
    measure: `VS Code: ${DOC_MB} MB log opened as a person opens it, in the extension host → our findings held for Problems (median of ${personRuns.length})`,
    value: vscodeRuns.available ? vscodeMs : NaN,
    unit: 'ms',
    reference: vscodeRuns.available ? rgRef(rgDoc, 3) : 'code-server not installed',
    target: rgDoc.median * 3,
    status: status(vscodeMs <= rgDoc.median * 3, vscodeRuns.available && rgDoc.available),
  });
  rows.push({
    id: 'vscode.heldBeforeText',
    measure: `  of those opens, held for Problems before the text reached the extension host (${heldBefore.length} of ${personRuns.length}; by how long, median)`,
    value: vscodeRuns.available && heldBefore.length > 0 ? median(heldBefore) : NaN,
    unit: 'ms',
    reference: '(read ahead: published once the file is read, while VS Code loads the text)',
    status: vscodeRuns.available ? 'INFO' : 'n/a',
  });
  rows.push({
    id: 'vscode.toProblemsByExtension',
    measure: `  the same, opened by an extension (openTextDocument: no editor before the text, so nothing is read ahead; median of ${extensionRuns.length})`,
    value: vscodeRuns.available ? median(extensionRuns.map((run) => run.toDiagnosticsMs)) : NaN,
    unit: 'ms',
    reference: vscodeRuns.available ? `(rg ${rgDoc.median.toFixed(1)} ms)` : '',
    status: vscodeRuns.available ? 'INFO' : 'n/a',
  });
  rows.push({
    id: 'vscode.toExtensionHost',
    measure: '  VS Code\'s own part: opening → the text in the extension host (median of all)',
    value: vscodeRuns.available ? median(vscodeRuns.runs.map((run) => run.toExtensionHostMs)) : NaN,
    unit: 'ms',
    reference: '(not ours; any extension waits for it)',
    status: vscodeRuns.available ? 'INFO' : 'n/a',
  });
  rows.push({
    id: 'vscode.extensionHostRss',
    measure: `  extension host RSS 10 s after closing ${vscodeRuns.runs.length} large logs`,
    value: mb(vscodeRuns.rssAfterClosing),
    unit: 'MB',
    reference: vscodeRuns.available ? `(before ${mb(vscodeRuns.rssBefore).toFixed(0)} MB; VS Code still held ${vscodeRuns.largeDocumentsStillOpen} of them)` : '',
    status: vscodeRuns.available ? 'INFO' : 'n/a',
  });
  const diskMs = median(diskOpens.map((opened) => opened.time));
  rows.push({
    id: 'lsp.diskOpen',
    measure: `LSP openFromDisk ${DOC_MB} MB → publishDiagnostics, fresh server (median of ${diskOpens.length})`,
    value: diskMs,
    unit: 'ms',
    reference: rgRef(rgDoc, 3),
    target: rgDoc.median * 3,
    status: status(diskMs <= rgDoc.median * 3, rgDoc.available),
  });
  const p50 = percentile(lsp.hoverTimes, 50);
  const p99 = percentile(lsp.hoverTimes, 99);
  rows.push({ id: 'lsp.hoverP50', measure: `LSP hover p50 (${lsp.hoverTimes.length} code positions)`, value: p50, unit: 'ms', reference: '(p99 ≤ 5 ms)', status: 'INFO' });
  rows.push({ id: 'lsp.hoverP99', measure: `LSP hover p99 (${lsp.hoverTimes.length} code positions)`, value: p99, unit: 'ms', reference: '≤ 5 ms', target: 5, status: status(p99 <= 5) });
  const editMs = median(lsp.editTimes);
  rows.push({
    id: 'lsp.edit',
    measure: `LSP one-line didChange → diagnostics of that version (median of ${lsp.editTimes.length})`,
    value: editMs,
    unit: 'ms',
    reference: `≤ 10% of full = ${formatValue(lspMs * 0.1, 'ms')}`,
    target: lspMs * 0.1,
    status: status(editMs <= lspMs * 0.1),
  });
  const settingsMs = median(lsp.settingsTimes);
  rows.push({
    id: 'lsp.settingsChange',
    measure: `LSP settings change not affecting scanning (display language), ${DOC_MB} MB open → diagnostics again (median of ${lsp.settingsTimes.length})`,
    value: settingsMs,
    unit: 'ms',
    reference: '≤ 100 ms',
    target: 100,
    status: status(settingsMs <= 100),
  });
  rows.push({
    id: 'lsp.settingsChangeHoverWait',
    measure: '  longest hover wait meanwhile',
    value: lsp.settingsHoverWait,
    unit: 'ms',
    reference: '(part of the row above)',
    status: 'INFO',
  });
  const keystrokeWait = Math.max(...longLine.keystrokeWaits);
  rows.push({
    id: 'lsp.keystrokeWait',
    measure: `LSP longest request wait behind a keystroke, ${LONG_LINE_MB} MB single line of AIS.0101 (${KEYSTROKES} keystrokes)`,
    value: keystrokeWait,
    unit: 'ms',
    reference: '≤ 50 ms',
    target: 50,
    status: status(keystrokeWait <= 50),
  });
  rows.push({
    id: 'lsp.keystrokeFirstWait',
    measure: '  of which the first request, waiting for the edit itself (longest)',
    value: Math.max(...longLine.firstWaits),
    unit: 'ms',
    reference: '(part of the row above)',
    status: 'INFO',
  });
  rows.push({
    id: 'lsp.keystrokeLaterWait',
    measure: '  the requests after it, while diagnostics are worked out in slices (longest)',
    value: Math.max(...longLine.laterWaits),
    unit: 'ms',
    reference: '(part of the row above)',
    status: 'INFO',
  });
  rows.push({
    id: 'lsp.keystrokePublish',
    measure: '  didChange → diagnostics of that version (median)',
    value: median(longLine.publishTimes),
    unit: 'ms',
    reference: '(part of the row above)',
    status: 'INFO',
  });
  const rssLimit = 3 * docBytes + 80 * MiB;
  rows.push({
    id: 'lsp.rss',
    measure: `Server RSS with the ${DOC_MB} MB document open, after the edits and settings changes`,
    value: mb(lsp.rss),
    unit: 'MB',
    reference: `≤ 3 × ${mb(docBytes).toFixed(0)} + 80 = ${mb(rssLimit).toFixed(0)} MB (idle ${mb(lsp.idleRss).toFixed(0)}, at once ${mb(lsp.rssAtOnce).toFixed(0)}, peak ${mb(lsp.peakRss).toFixed(0)})`,
    target: mb(rssLimit),
    status: status(lsp.rss <= rssLimit, Number.isFinite(lsp.rss)),
  });
  const memoryRows: [string, string, { idle: number; open: number; peak: number; closed: number }, number][] = [
    ['memory.textMixed', `Server RSS, ${DOC_MB} MB log with Chinese lines sent as text (open)`, textMixed, rssLimit],
    ['memory.textAscii', `Server RSS, ${DOC_MB} MB plain-ASCII log sent as text (open)`, textAscii, rssLimit],
    ['memory.diskMixed', `Server RSS, ${DOC_MB} MB log with Chinese lines read from disk (open)`, diskOpens[diskOpens.length - 1], 100 * MiB],
    ['memory.diskAscii', `Server RSS, ${DOC_MB} MB plain-ASCII log read from disk (open)`, diskAscii, 100 * MiB],
  ];
  for (const [id, measure, result, limit] of memoryRows) {
    rows.push({
      id,
      measure,
      value: mb(result.open),
      unit: 'MB',
      reference: `≤ ${mb(limit).toFixed(0)} MB (idle ${mb(result.idle).toFixed(0)}, peak ${mb(result.peak).toFixed(0)}, closed ${mb(result.closed).toFixed(0)})`,
      target: mb(limit),
      status: status(result.open <= limit, Number.isFinite(result.open)),
    });
  }
  rows.push({
    id: 'file.scanFile',
    measure: `scanFile ${FILE_MB} MB from disk, in-process (median of ${fileScan.times.length})`,
    value: fileMs,
    unit: 'ms',
    reference: rgRef(rgBig, 1.2),
    target: rgBig.median * 1.2,
    status: status(fileMs <= rgBig.median * 1.2, rgBig.available),
  });
  rows.push({
    id: 'file.cli',
    measure: `CLI scan --format json ${FILE_MB} MB (whole process, median of ${cli.times.length})`,
    value: cliMs,
    unit: 'ms',
    reference: rgRef(rgBig, 1.5),
    target: rgBig.median * 1.5,
    status: status(cliMs <= rgBig.median * 1.5, rgBig.available),
  });
  rows.push({
    id: 'file.cliText',
    measure: `CLI scan ${FILE_MB} MB, text output (whole process, median of ${cliText.times.length})`,
    value: cliTextMs,
    unit: 'ms',
    reference: rgRef(rgBig, 1),
    target: rgBig.median,
    status: status(cliTextMs <= rgBig.median, rgBig.available),
  });
  rows.push({ id: 'index.build', measure: `Build code index, ${service.index.entries.length} catalog entries`, value: indexMs, unit: 'ms', reference: '(< 20 ms with 10k extra)', status: 'INFO' });
  rows.push({ id: 'index.buildExtra', measure: `Build code index with ${extraEntries} extra codes`, value: indexExtraMs, unit: 'ms', reference: '< 20 ms', target: 20, status: status(indexExtraMs < 20) });
  rows.push({ id: 'core.document', measure: `In-process scan ${DOC_MB} MB (CodeDocument, median of ${docTimes.length})`, value: docMs, unit: 'ms', reference: rgDoc.available ? `(rg ${formatValue(rgDoc.median, 'ms')})` : '', status: 'INFO' });
  rows.push({
    id: 'core.minifiedLine',
    measure: `In-process scan of one ${minifiedMb.toFixed(1)} MB line, a minified JSON array of ${MINIFIED_BODIES} error bodies (median of ${minifiedTimes.length})`,
    value: minifiedMs,
    unit: 'ms',
    reference: `(the ${DOC_MB} MB log: ${formatValue((docMs / DOC_MB) * minifiedMb, 'ms')} for as many bytes)`,
    status: 'INFO',
  });
  rows.push({
    id: 'core.groupsManyHosts',
    measure: `In-process Error Codes view groups of ${HOST_LINES} findings of one code, each line naming another host (a group each; median of 5)`,
    value: manyHosts.ms,
    unit: 'ms',
    reference: `(the same lines naming one host, one group: ${formatValue(oneHost.ms, 'ms')})`,
    status: 'INFO',
  });
  rows.push({ id: 'core.documentExtra', measure: `In-process scan ${DOC_MB} MB with ${extraEntries} extra codes`, value: docExtraMs, unit: 'ms', reference: `(without: ${formatValue(docMs, 'ms')})`, status: 'INFO' });
  // The ratio of two timings is taken from the fastest run of each (runs interleaved): noise from
  // other processes only ever adds time, so the minimum is the steadiest estimate of the cost.
  const slowdown = (Math.min(...docExtraTimes) / Math.min(...docTimes) - 1) * 100;
  rows.push({
    id: 'core.extraSlowdown',
    measure: `Slowdown from ${extraEntries} extra codes (fastest runs)`,
    value: slowdown,
    unit: '%',
    reference: `≤ +20 % (${formatValue(Math.min(...docTimes), 'ms')} → ${formatValue(Math.min(...docExtraTimes), 'ms')})`,
    target: 20,
    status: status(slowdown <= 20),
  });
  rows.push({ id: 'core.diagnostics', measure: `In-process resolve + diagnostics after the scan (${DOC_MB} MB)`, value: diagnosticsMs, unit: 'ms', reference: '', status: 'INFO' });

  const sanity = {
    documentErrorLines: expected,
    documentLines: doc.lines,
    lspCapNoteTotal: lsp.capNoteTotal,
    lspDocumentFindingsTotal: lsp.findingsRequestTotal,
    lspDiagnosticsPublished: lsp.diagnosticsPublished,
    inProcessTotal: countReal,
    inProcessTotalWithExtraCodes: countExtra,
    fileErrorLines: big.errorLines,
    scanFileFound: fileScan.found,
    cliFound: cli.found,
    cliTextFound: cliText.found,
    diskReadTotals: diskOpens.map((opened) => opened.total),
    asciiDocumentErrorLines: asciiExpected,
    ripgrepMatchesDocument: rgDoc.matches,
    ripgrepMatchesFile: rgBig.matches,
    hoverMisses: lsp.hoverMisses,
    rejectedErrorLineAttempts: doc.generator.rejectedErrorLines,
    replacedOrdinaryLinesDocument: doc.generator.rejectedOrdinaryLines,
    replacedOrdinaryLinesFile: big.rejectedOrdinaryLines,
  };

  log('');
  log(table(rows));
  log('');
  log(
    `Sanity: ${expected} error lines written (about 1 in ${ERROR_LINE_ONE_IN}); LSP total ${lsp.capNoteTotal} (cap note) / ${lsp.findingsRequestTotal} (documentFindings), ` +
      `${lsp.diagnosticsPublished} diagnostics published; in-process ${countReal} (${countExtra} with extra codes); ` +
      `read from disk ${diskOpens.map((opened) => opened.total).join(' / ')}; ASCII log ${asciiExpected} written, ${diskAscii.total} from disk, ${textAscii.total} as text; ` +
      `${FILE_MB} MB file: ${big.errorLines} written, scanFile ${fileScan.found}, CLI ${cli.found} (json) / ${cliText.found} (text); ` +
      `rg literal matches ${rgDoc.matches} / ${rgBig.matches} (no context rules, so more).`,
  );
  const results = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryMB: Math.round(os.totalmem() / MiB),
      ripgrep: ripgrepVersion() ?? null,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg().map((load) => Math.round(load * 100) / 100),
    },
    catalogs: catalogs.origin,
    data: { seed: SEED, documentBytes: docBytes, fileBytes: big.bytes, extraCodes: extraEntries, literalCodesForRipgrep: literalCodes },
    rows: rows.map((row) => ({ ...row, value: round(row.value), ...(row.target !== undefined ? { target: round(row.target) } : {}) })),
    raw: { lspOpenMs: lsp.openTimes, lspOpenSendMs: lsp.sendTimes, editMs: lsp.editTimes, settingsChangeMs: lsp.settingsTimes, keystrokeWaitMs: longLine.keystrokeWaits, keystrokeFirstWaitMs: longLine.firstWaits, keystrokeLaterWaitMs: longLine.laterWaits, keystrokePublishMs: longLine.publishTimes, rgDocumentMs: rgDoc.times, rgFileMs: rgBig.times, documentMs: docTimes, documentExtraMs: docExtraTimes, scanFileMs: fileScan.times, cliMs: cli.times, cliTextMs: cliText.times, diskOpenMs: diskOpens.map((opened) => opened.time), readPath: { mixed: readMixed, ascii: readAscii }, memory: { textMixed, textAscii, diskMixed: diskOpens[diskOpens.length - 1], diskAscii }, vscode: vscodeRuns, idleRssBytes: lsp.idleRss, rssAtOnceBytes: lsp.rssAtOnce, rssBytes: lsp.rss, peakRssBytes: lsp.peakRss },
    sanity,
    failures,
    durationSeconds: Math.round((now() - startedAt) / 100) / 10,
  };
  fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  log(`Wrote bench/results.json in ${results.durationSeconds} s total.`);
}

function killAll(): void {
  for (const session of sessions) {
    session.kill();
  }
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

main().then(
  () => {
    if (failures.length > 0) {
      console.error(`\n${failures.length} check(s) failed:\n- ${failures.join('\n- ')}`);
      process.exitCode = 1;
    }
  },
  (error) => {
    killAll();
    console.error(`Benchmark broke: ${(error as Error).stack ?? error}`);
    process.exitCode = 2;
  },
);
