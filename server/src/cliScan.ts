/*
 * `error-codebook scan`: finds and explains the codes of files, folders, globs and standard input.
 * Every input is streamed (gzip too), and what is found is written as it comes (cliOutput.ts).
 * Several files are scanned at once by worker threads on a machine with several cores; the output
 * still follows the order of the inputs, each file's findings as they come once the files before it
 * are done.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Worker, parentPort, workerData } from 'worker_threads';
import { minimatch } from 'minimatch';
import { DecisionDetails, LanguageService, LanguageTag, ResolvedOccurrence, SEVERITY_RANK, Severity, findTimestamp } from './core/index';
import { defaultSettings, displayLanguageOf, normaliseDisplayLanguage } from './common/settings';
import { builtInCatalogFolder, loadServiceFrom } from './catalogFiles';
import { FileScanError, scanFile, scanStream } from './fileScan';
import { threadBudget } from './scanThread';
import { encodingLabel } from './common/encodings';
import { EXIT_CLEAN, EXIT_FOUND, EXIT_TROUBLE, Output, UsageError, problem, readVersion } from './cliCommon';
import { FindingExtra, FormatName, OutputFormat, ScanFinding, createFormat } from './cliOutput';

/** What a folder argument scans when no --include is given: the editor's scan.include and the usual text files. */
const DEFAULT_INCLUDE = [...defaultSettings()['scan.include'], '**/*.txt', '**/*.json', '**/*.jsonl', '**/*.ndjson', '**/*.log.gz', '**/*.gz'];
/** What a folder argument never scans: the editor's scan.exclude. */
const DEFAULT_EXCLUDE = defaultSettings()['scan.exclude'];
/** Folders never walked into. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/** The command line rates findings as the editor does by default. */
const DEFAULT_SEVERITY = defaultSettings()['diagnostics.severity'];
const LEVELS = ['error', 'warning', 'information', 'hint', 'none'] as const;
/** Findings a worker sends at a time. */
const BATCH = 500;
/**
 * Findings a worker may have sent that are not written yet. It waits beyond them: the findings of
 * a file after the one being written are kept until their turn, and a slow reader holds the
 * writing back, so without a bound they piled up in memory.
 */
const UNWRITTEN_MAX = 8 * BATCH;
/** The most worker threads one run starts. */
const MAX_WORKERS = 8;

export const SCAN_USAGE = `Usage: error-codebook scan [options] <file | folder | glob | -> ...

Finds Huawei Cloud and Alibaba Cloud API error codes in logs, JSON and source, and explains them.
"-" reads standard input (kubectl logs my-pod | error-codebook scan -). A folder is scanned
recursively: the files matching the include patterns, node_modules and .git left out. Gzip files
(app.log.gz, or any input that starts as gzip does) are decompressed as they are read.

Options:
  --format text|json|sarif   output format (default text; sarif is SARIF 2.1.0)
  --summary                  per input, one line per code: how often, first and last line, and
                             first and last time when the lines carry one (text or json)
  --lang en|zh-cn            language of explanations (default en; zh-CN, en-US, … are understood)
  --fail-on LEVEL            exit 1 when a finding is at least this severe:
                             error, warning, information, hint or none (default error)
  --catalog PATH             also load the catalogs in this folder or file (repeatable)
  --encoding LABEL           the inputs' encoding when they have no byte-order mark
                             (default utf-8; e.g. gbk, gb18030, utf-16le, shift_jis)
  --include PATTERN          in folders, scan the files matching this glob (repeatable; default
                             ${DEFAULT_INCLUDE.join(' ')})
  --exclude PATTERN          in folders, also leave out the files matching this glob (repeatable;
                             ${DEFAULT_EXCLUDE.join(' ')} are always left out)
  -h, --help                 show this help

Exit status: 0 nothing at the --fail-on level, 1 findings at that level, 2 an input could not be read
or the command line is wrong (the other inputs are still scanned).

Also: error-codebook import <page> (a catalog from an error-code page) and error-codebook catalogs
(the loaded catalogs with their dates); --help after either tells more.`;

export const SCAN_OPTIONS = {
  format: { type: 'string' },
  summary: { type: 'boolean' },
  lang: { type: 'string' },
  'fail-on': { type: 'string' },
  catalog: { type: 'string', multiple: true },
  encoding: { type: 'string' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
} as const;

interface ScanOptions {
  format: FormatName;
  summary: boolean;
  language: LanguageTag;
  failOn: Severity | 'none';
  catalogs: string[];
  encoding?: string;
  include: string[];
  exclude: string[];
}

function scanOptions(values: Record<string, unknown>): ScanOptions {
  const format = String(values.format ?? 'text');
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`Unknown format "${format}"; use text, json or sarif.`);
  }
  const summary = values.summary === true;
  if (summary && format === 'sarif') {
    throw new UsageError('--summary writes text or json; SARIF lists every finding.');
  }
  const lang = String(values.lang ?? 'en');
  const named = normaliseDisplayLanguage(lang);
  if (named === undefined) {
    throw new UsageError(`Unknown language "${lang}"; use en or zh-cn.`);
  }
  const failOn = String(values['fail-on'] ?? 'error');
  if (!(LEVELS as readonly string[]).includes(failOn)) {
    throw new UsageError(`Unknown level "${failOn}"; use ${LEVELS.slice(0, -1).join(', ')} or none.`);
  }
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  const include = list(values.include);
  return {
    format,
    summary,
    language: displayLanguageOf(named, process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG),
    failOn: failOn as ScanOptions['failOn'],
    catalogs: list(values.catalog),
    ...(typeof values.encoding === 'string' ? { encoding: encodingLabel(values.encoding) } : {}),
    include: include.length > 0 ? include : DEFAULT_INCLUDE,
    exclude: [...DEFAULT_EXCLUDE, ...list(values.exclude)],
  };
}

/** Files under a folder, recursively, in name order; only regular files, never through links to folders. */
function walk(folder: string, visit: (file: string) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = folder === '.' ? entry.name : path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) {
        walk(full, visit);
      }
    } else if (entry.isFile()) {
      visit(full);
    }
  }
}

const slashes = (file: string) => file.split(path.sep).join('/');
const matchesAny = (file: string, patterns: readonly string[]) => patterns.some((pattern) => minimatch(file, pattern, { dot: true }));

/** An input to scan, or one that named nothing. */
type Input = { path: string; error?: undefined } | { path: string; error: string };

/**
 * The files the arguments name, in order: `-` and plain paths as they are, a folder's matching
 * files, and a glob's matches (walking the folder before its first wildcard). Arguments that name
 * nothing are errors, in their place.
 */
function expandInputs(inputs: string[], options: ScanOptions): Input[] {
  const expanded: Input[] = [];
  for (const input of inputs) {
    if (input === '-') {
      expanded.push({ path: input });
      continue;
    }
    if (!/[*?[{]/.test(input)) {
      let isFolder = false;
      try {
        isFolder = fs.statSync(input).isDirectory();
      } catch {
        // Reported when it is read.
      }
      if (!isFolder) {
        expanded.push({ path: input });
        continue;
      }
      const found: string[] = [];
      walk(input, (file) => {
        const relative = slashes(path.relative(input, file));
        if (matchesAny(relative, options.include) && !matchesAny(relative, options.exclude)) {
          found.push(file);
        }
      });
      if (found.length === 0) {
        expanded.push({ path: input, error: `No file in this folder matches ${options.include.join(', ')}.` });
      }
      expanded.push(...found.map((file) => ({ path: file })));
      continue;
    }
    const parts = input.split(/[\\/]/);
    const firstGlob = parts.findIndex((part) => /[*?[{]/.test(part));
    const base = parts.slice(0, firstGlob).join('/') || '.';
    const matches: string[] = [];
    walk(base, (file) => {
      if (minimatch(slashes(file), input, { dot: false })) {
        matches.push(file);
      }
    });
    if (matches.length === 0) {
      expanded.push({ path: input, error: 'No file matches this pattern.' });
    }
    expanded.push(...matches.map((file) => ({ path: file })));
  }
  return expanded;
}

/** What the formats need of a finding's line, worked out where the line is at hand. */
function extraOf(details: DecisionDetails, needs: { lineHash: boolean; time: boolean }): FindingExtra {
  const extra: FindingExtra = {};
  if (needs.lineHash) {
    extra.lineHash = createHash('sha256').update(details.lineText.trim()).digest('hex').slice(0, 32);
  }
  if (needs.time) {
    const time = findTimestamp(details.lineText);
    if (time) {
      extra.time = time.iso ?? time.text;
    }
  }
  return extra;
}

/**
 * Scans one input, handing each finding on as it is found; returns the problem reading it, if any.
 * Each input has its own describer, so what is written of a file does not depend on the files
 * scanned before it in the same thread.
 */
async function scanInput(
  service: LanguageService,
  input: string,
  language: LanguageTag,
  encoding: string | undefined,
  needs: { lineHash: boolean; time: boolean },
  onFinding: (finding: ScanFinding) => void,
  isCancelled: () => boolean,
  holdBack?: () => Promise<void> | undefined,
): Promise<string | undefined> {
  const describer = service.describer(language, DEFAULT_SEVERITY);
  const onFound = (item: ResolvedOccurrence, details: DecisionDetails) => onFinding({ record: describer.describe(item), extra: extraOf(details, needs) });
  try {
    if (input === '-') {
      await scanStream(service, process.stdin, 0, { onFound, encoding, isCancelled, holdBack });
    } else {
      await scanFile(service, input, { onFound, encoding, isCancelled, holdBack });
    }
    return undefined;
  } catch (error) {
    return error instanceof FileScanError ? error.message : (error as Error).message;
  }
}

/** What a worker is told, once, when it starts. */
interface WorkerSetup {
  role: 'error-codebook scan worker';
  catalogs: string[];
  language: LanguageTag;
  encoding?: string;
  needs: { lineHash: boolean; time: boolean };
}

/** `written`: that many of the findings the worker sent were written. */
type ToWorker = { type: 'scan'; index: number; path: string } | { type: 'written'; findings: number } | { type: 'stop' };
type FromWorker = { type: 'found'; index: number; findings: ScanFinding[] } | { type: 'done'; index: number; error?: string } | { type: 'ready' };

/** Whether this thread is a scan worker started by `scanInWorkers`. */
export function isScanWorker(): boolean {
  return parentPort !== null && (workerData as Partial<WorkerSetup> | undefined)?.role === 'error-codebook scan worker';
}

/** A worker's life: load the catalogs, then scan each file it is given and send back what it finds. */
export async function runScanWorker(): Promise<void> {
  const setup = workerData as WorkerSetup;
  const port = parentPort!;
  const service = loadServiceFrom([builtInCatalogFolder(), ...setup.catalogs]);
  let stopped = false;
  const queue: { index: number; path: string }[] = [];
  let wake: (() => void) | undefined;
  let unwritten = 0;
  let goOn: (() => void) | undefined;
  const release = () => {
    goOn?.();
    goOn = undefined;
  };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'written') {
      unwritten -= message.findings;
      if (unwritten < UNWRITTEN_MAX) {
        release();
      }
      return;
    }
    if (message.type === 'stop') {
      stopped = true;
      release();
    } else {
      queue.push(message);
    }
    wake?.();
  });
  const send = (index: number, findings: ScanFinding[]) => {
    unwritten += findings.length;
    port.postMessage({ type: 'found', index, findings } satisfies FromWorker);
  };
  // Between pieces, the scan waits while too many of its findings are not written yet.
  const holdBack = () => (unwritten >= UNWRITTEN_MAX && !stopped ? new Promise<void>((resolve) => (goOn = resolve)) : undefined);
  port.postMessage({ type: 'ready' } satisfies FromWorker);
  while (!stopped) {
    const task = queue.shift();
    if (!task) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      continue;
    }
    let batch: ScanFinding[] = [];
    const error = await scanInput(
      service,
      task.path,
      setup.language,
      setup.encoding,
      setup.needs,
      (finding) => {
        batch.push(finding);
        if (batch.length >= BATCH) {
          send(task.index, batch);
          batch = [];
        }
      },
      () => stopped,
      holdBack,
    );
    if (batch.length > 0) {
      send(task.index, batch);
    }
    port.postMessage({ type: 'done', index: task.index, ...(error !== undefined ? { error } : {}) } satisfies FromWorker);
  }
  port.close();
}

/** Hands the inputs' findings on in the inputs' order, whatever order they come in. */
class InOrder {
  /** The input being written, and whether its beginning was. */
  private head = 0;
  private opened = false;
  private readonly waiting = new Map<number, { findings: ScanFinding[]; done: boolean; error?: string }>();

  /** Told how many findings of an input were written, each time some are. */
  written?: (index: number, count: number) => void;

  constructor(
    private readonly inputs: Input[],
    private readonly format: OutputFormat,
    private readonly seen: (finding: ScanFinding) => void,
    private readonly failed: (input: Input, error: string) => void,
  ) {}

  /** Writes what can be written before anything is scanned: the inputs that named nothing, when they come first. */
  start(): void {
    this.advance();
  }

  found(index: number, findings: ScanFinding[]): void {
    if (index === this.head && this.opened) {
      this.write(index, findings);
    } else {
      this.slot(index).findings.push(...findings);
    }
  }

  done(index: number, error?: string): void {
    const slot = this.slot(index);
    slot.done = true;
    slot.error = error;
    if (index === this.head) {
      this.advance();
    }
  }

  /** Whether every input was written. */
  get finished(): boolean {
    return this.head >= this.inputs.length;
  }

  private slot(index: number) {
    let slot = this.waiting.get(index);
    if (!slot) {
      slot = { findings: [], done: false };
      this.waiting.set(index, slot);
    }
    return slot;
  }

  private write(index: number, findings: ScanFinding[]): void {
    for (const finding of findings) {
      this.seen(finding);
      this.format.finding(finding);
    }
    if (findings.length > 0) {
      this.written?.(index, findings.length);
    }
  }

  /** Writes the head input as far as it is known, and moves on past each one that is done. */
  private advance(): void {
    while (this.head < this.inputs.length) {
      const input = this.inputs[this.head];
      const slot = this.waiting.get(this.head);
      if (!this.opened) {
        this.opened = true;
        this.format.beginFile(input.path);
        if (slot) {
          this.write(this.head, slot.findings.splice(0));
        }
      }
      if (input.error === undefined && !slot?.done) {
        return;
      }
      const error = input.error ?? slot?.error;
      if (error !== undefined) {
        this.failed(input, error);
      }
      this.format.endFile(error);
      this.waiting.delete(this.head);
      this.head++;
      this.opened = false;
    }
  }
}

/**
 * How many worker threads to scan the inputs with: one per thread of the budget (a core each, unless
 * ERROR_CODEBOOK_SCAN_THREADS says), none for a single input, standard input or a single core. A
 * single large input gets a thread for its token filter and line scanning instead (scanThread.ts).
 */
function workerCount(inputs: Input[]): number {
  const files = inputs.filter((input) => input.error === undefined);
  if (files.length < 2 || files.some((input) => input.path === '-')) {
    return 0;
  }
  const count = Math.min(threadBudget(), files.length, MAX_WORKERS);
  return count >= 2 ? count : 0;
}

/** Scans the inputs in this thread, one after another. */
async function scanHere(service: LanguageService, inputs: Input[], options: ScanOptions, order: InOrder, format: OutputFormat, output: Output): Promise<void> {
  order.start();
  for (let index = 0; index < inputs.length; index++) {
    const input = inputs[index];
    if (input.error !== undefined) {
      continue;
    }
    if (output.closed) {
      break;
    }
    const error = await scanInput(
      service,
      input.path,
      options.language,
      options.encoding,
      format.needs,
      (finding) => order.found(index, [finding]),
      () => output.closed,
      () => output.whenTaken(),
    );
    order.done(index, error);
    await output.flush();
  }
}

/** Scans the inputs with worker threads, several files at once. */
async function scanInWorkers(count: number, inputs: Input[], options: ScanOptions, order: InOrder, format: OutputFormat, output: Output): Promise<void> {
  const tasks = inputs.map((input, index) => ({ input, index })).filter(({ input }) => input.error === undefined);
  const setup: WorkerSetup = { role: 'error-codebook scan worker', catalogs: options.catalogs, language: options.language, ...(options.encoding ? { encoding: options.encoding } : {}), needs: format.needs };
  const workers: Worker[] = [];
  const workerOf = new Map<number, Worker>();
  // What each worker is told was written: at once while the reader keeps up, else once it took what it holds.
  const owed = new Map<Worker, number>();
  let waitingForReader = false;
  const tell = () => {
    for (const [worker, findings] of owed) {
      worker.postMessage({ type: 'written', findings } satisfies ToWorker);
    }
    owed.clear();
  };
  order.written = (index, count) => {
    const worker = workerOf.get(index);
    if (worker === undefined) {
      return;
    }
    owed.set(worker, (owed.get(worker) ?? 0) + count);
    if (waitingForReader) {
      return;
    }
    const taken = output.whenTaken();
    if (taken === undefined) {
      tell();
      return;
    }
    waitingForReader = true;
    void taken.then(() => {
      waitingForReader = false;
      tell();
    });
  };
  order.start();
  try {
    await new Promise<void>((resolve, reject) => {
      const settle = () => {
        if (order.finished || output.closed) {
          resolve();
        }
      };
      const next = (worker: Worker) => {
        const task = output.closed ? undefined : tasks.shift();
        if (task) {
          workerOf.set(task.index, worker);
          worker.postMessage({ type: 'scan', index: task.index, path: task.input.path } satisfies ToWorker);
        }
      };
      for (let started = 0; started < count; started++) {
        const worker = new Worker(__filename, { workerData: setup });
        workers.push(worker);
        worker.on('message', (message: FromWorker) => {
          if (message.type === 'ready') {
            next(worker);
          } else if (message.type === 'found') {
            order.found(message.index, message.findings);
          } else {
            order.done(message.index, message.error);
            next(worker);
          }
          settle();
        });
        worker.on('error', reject);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

export async function runScan(values: Record<string, unknown>, positionals: string[], output: Output): Promise<number> {
  const options = scanOptions(values);
  if (positionals.length === 0) {
    throw new UsageError('Name at least one file, folder, glob, or - for standard input.');
  }
  const service = loadServiceFrom([builtInCatalogFolder(), ...options.catalogs]);
  for (const { file, line, column, message } of service.loaded.problems) {
    problem(`catalog problem: ${file}:${line}:${column}: ${message}`);
  }
  const catalogsFailed = service.loaded.catalogs.length === 0;
  const inputs = expandInputs(positionals, options);
  const format = createFormat(options.format, options.summary, output, readVersion(), options.language);
  let unreadable = false;
  let worst = Infinity;
  const order = new InOrder(
    inputs,
    format,
    (finding) => {
      worst = Math.min(worst, SEVERITY_RANK[finding.record.severity]);
    },
    (input, error) => {
      unreadable = true;
      problem(`${input.path}: ${error}`);
    },
  );
  const workers = workerCount(inputs);
  if (workers > 0) {
    await scanInWorkers(workers, inputs, options, order, format, output);
  } else {
    await scanHere(service, inputs, options, order, format, output);
  }
  if (!output.closed) {
    format.finish(service.loaded.problems.map((item) => `${item.file}:${item.line}:${item.column}: ${item.message}`));
  }
  await output.flush();
  if (catalogsFailed || unreadable) {
    return EXIT_TROUBLE;
  }
  return options.failOn !== 'none' && worst <= SEVERITY_RANK[options.failOn] ? EXIT_FOUND : EXIT_CLEAN;
}
