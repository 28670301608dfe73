#!/usr/bin/env node
/*
 * error-codebook: the command line, for terminals and CI. It shares the core with the language
 * server and streams every input, so files of any size and standard input work alike.
 *
 * Each subcommand is one entry of COMMANDS: its options (util.parseArgs), its usage and its run.
 * Results go to standard output; errors (unreadable inputs, catalog problems, a wrong command line)
 * go to standard error. When standard output is closed early (`| head`) or its disk is full, the
 * run ends quietly with the exit status of the findings so far.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ParseArgsConfig, parseArgs } from 'util';
import { minimatch } from 'minimatch';
import { FindingDescriber, FindingRecord, LanguageService, LanguageTag, ResolvedOccurrence, SEVERITY_RANK, Severity, languageFromLocale, stringsFor } from './core/index';
import { defaultSettings, normaliseDisplayLanguage } from './common/settings';
import { builtInCatalogFolder, loadServiceFrom } from './catalogFiles';
import { FileScanError, scanFile, scanStream } from './fileScan';
import { encodingLabel } from './common/encodings';
import { runCatalogs, runImport } from './cliImport';

/** Exit statuses. */
const EXIT_CLEAN = 0;
const EXIT_FOUND = 1;
const EXIT_TROUBLE = 2;

/** Standard output that may be closed under the run: writes then stop, and the run ends quietly. */
class Output {
  closed = false;

  constructor(private readonly stream: NodeJS.WriteStream) {
    // EPIPE (the reader went away), ENOSPC (the disk is full) and any other failure to write all
    // mean the same here: nobody can read the rest.
    stream.on('error', () => {
      this.closed = true;
    });
  }

  write(text: string): void {
    if (this.closed) {
      return;
    }
    try {
      this.stream.write(text);
    } catch {
      this.closed = true;
    }
  }

  /** Resolves when what was written has been handed on, or the stream failed. */
  flush(): Promise<void> {
    if (this.closed || this.stream.writableLength === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        resolve();
      };
      this.stream.once('drain', done);
      this.stream.once('error', done);
    });
  }
}

function problem(message: string): void {
  process.stderr.write(`error-codebook: ${message}\n`);
}

class UsageError extends Error {}

type Subcommand =
  | {
      /** One line for the list of commands. */
      summary: string;
      usage: string;
      options: NonNullable<ParseArgsConfig['options']>;
      run(values: Record<string, unknown>, positionals: string[], output: Output): Promise<number>;
    }
  | {
      summary: string;
      /** A command that reads its own arguments (cliImport.ts). */
      runArguments(args: string[]): Promise<number>;
    };

// ---------------------------------------------------------------------------------------------
// scan

/** What a folder argument scans when no --include is given: the editor's scan.include and the usual text files. */
const DEFAULT_INCLUDE = [...defaultSettings()['scan.include'], '**/*.txt', '**/*.json', '**/*.jsonl', '**/*.ndjson'];
/** What a folder argument never scans: the editor's scan.exclude. */
const DEFAULT_EXCLUDE = defaultSettings()['scan.exclude'];
/** Folders never walked into. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/** The command line rates findings as the editor does by default. */
const DEFAULT_SEVERITY = defaultSettings()['diagnostics.severity'];
const LEVELS = ['error', 'warning', 'information', 'hint', 'none'] as const;

const SCAN_USAGE = `Usage: error-codebook scan [options] <file | folder | glob | -> ...

Finds Huawei Cloud and Alibaba Cloud API error codes in logs, JSON and source, and explains them.
"-" reads standard input (kubectl logs my-pod | error-codebook scan -). A folder is scanned
recursively: the files matching the include patterns, node_modules and .git left out.

Options:
  --format text|json|sarif   output format (default text; sarif is SARIF 2.1.0)
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

interface ScanOptions {
  format: 'text' | 'json' | 'sarif';
  language: LanguageTag;
  failOn: Severity | 'none';
  catalogs: string[];
  encoding?: string;
  include: string[];
  exclude: string[];
}

interface FileReport {
  path: string;
  findings: FindingRecord[];
  error?: string;
}

function scanOptions(values: Record<string, unknown>): ScanOptions {
  const format = String(values.format ?? 'text');
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`Unknown format "${format}"; use text, json or sarif.`);
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
    language: named === 'auto' ? languageFromLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG) : named,
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

/**
 * The files the arguments name: `-` and plain paths as they are, a folder's matching files, and
 * a glob's matches (walking the folder before its first wildcard). Arguments that name nothing are errors.
 */
function expandInputs(inputs: string[], options: ScanOptions): { paths: string[]; errors: FileReport[] } {
  const paths: string[] = [];
  const errors: FileReport[] = [];
  for (const input of inputs) {
    if (input === '-') {
      paths.push(input);
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
        paths.push(input);
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
        errors.push({ path: input, findings: [], error: `No file in this folder matches ${options.include.join(', ')}.` });
      }
      paths.push(...found);
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
      errors.push({ path: input, findings: [], error: 'No file matches this pattern.' });
    }
    paths.push(...matches);
  }
  return { paths, errors };
}

async function scanInput(
  service: LanguageService,
  input: string,
  describer: FindingDescriber,
  encoding: string | undefined,
  onFinding: (finding: FindingRecord) => void,
  isCancelled: () => boolean,
): Promise<FileReport> {
  const findings: FindingRecord[] = [];
  const onFound = (item: ResolvedOccurrence) => {
    const finding = describer.describe(item);
    findings.push(finding);
    onFinding(finding);
  };
  try {
    if (input === '-') {
      await scanStream(service, process.stdin, 0, { onFound, encoding, isCancelled });
      return { path: '-', findings };
    }
    await scanFile(service, input, { onFound, encoding, isCancelled });
    return { path: input, findings };
  } catch (error) {
    const message = error instanceof FileScanError ? error.message : (error as Error).message;
    return { path: input, findings, error: message };
  }
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function formatSarif(reports: FileReport[], version: string): string {
  const rules = new Map<string, object>();
  const results: object[] = [];
  for (const report of reports) {
    for (const finding of report.findings) {
      if (!rules.has(finding.code)) {
        rules.set(finding.code, {
          id: finding.code,
          shortDescription: { text: finding.meaning },
          ...(finding.documentation ? { helpUri: finding.documentation } : {}),
          properties: { catalog: finding.catalog },
        });
      }
      results.push({
        ruleId: finding.code,
        level: SARIF_LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: report.path === '-' ? 'stdin' : slashes(report.path) },
              region: { startLine: finding.line, startColumn: finding.column, endColumn: finding.endColumn },
            },
          },
        ],
        properties: { entryId: finding.entryId },
      });
    }
  }
  const notifications = reports
    .filter((report) => report.error)
    .map((report) => ({ level: 'error', message: { text: `${report.path}: ${report.error}` } }));
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Error Codebook', version, informationUri: 'https://help.aliyun.com/document_detail/91593.html', rules: [...rules.values()] } },
          results,
          invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        },
      ],
    },
    null,
    2,
  );
}

/** The exit status the findings and errors so far call for. */
function exitStatus(reports: FileReport[], failOn: ScanOptions['failOn'], catalogsFailed: boolean): number {
  if (catalogsFailed || reports.some((report) => report.error)) {
    return EXIT_TROUBLE;
  }
  if (failOn === 'none') {
    return EXIT_CLEAN;
  }
  const threshold = SEVERITY_RANK[failOn];
  return reports.some((report) => report.findings.some((finding) => SEVERITY_RANK[finding.severity] <= threshold)) ? EXIT_FOUND : EXIT_CLEAN;
}

const scanCommand: Subcommand = {
  summary: 'find and explain error codes in files, folders or standard input',
  usage: SCAN_USAGE,
  options: {
    format: { type: 'string' },
    lang: { type: 'string' },
    'fail-on': { type: 'string' },
    catalog: { type: 'string', multiple: true },
    encoding: { type: 'string' },
    include: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
  },
  async run(values, inputs, output) {
    const options = scanOptions(values);
    if (inputs.length === 0) {
      throw new UsageError('Name at least one file, folder, glob, or - for standard input.');
    }
    const service = loadServiceFrom([builtInCatalogFolder(), ...options.catalogs]);
    for (const { file, line, column, message } of service.loaded.problems) {
      problem(`catalog problem: ${file}:${line}:${column}: ${message}`);
    }
    const catalogsFailed = service.loaded.catalogs.length === 0;
    const { paths, errors } = expandInputs(inputs, options);
    const reports: FileReport[] = [];
    const report = (item: FileReport) => {
      reports.push(item);
      if (item.error) {
        problem(`${item.path}: ${item.error}`);
      }
    };
    errors.forEach(report);
    const describer = service.describer(options.language, DEFAULT_SEVERITY);
    let total = 0;
    for (const input of paths) {
      if (output.closed) {
        break;
      }
      // Text is written as it is found, so `| head` ends the run early.
      const onFinding = (finding: FindingRecord) => {
        total++;
        if (options.format === 'text') {
          output.write(`${input}:${finding.line}:${finding.column}: ${finding.severity}: ${finding.message}\n`);
        }
      };
      report(await scanInput(service, input, describer, options.encoding, onFinding, () => output.closed));
      await output.flush();
    }
    if (options.format === 'json') {
      output.write(`${JSON.stringify({ version: readVersion(), files: reports, catalogProblems: service.loaded.problems.map((item) => `${item.file}:${item.line}:${item.column}: ${item.message}`) }, null, 2)}\n`);
    } else if (options.format === 'sarif') {
      output.write(`${formatSarif(reports, readVersion())}\n`);
    } else {
      const files = reports.filter((item) => !item.error).length;
      output.write(`${stringsFor(options.language).cliSummary(total, files)}\n`);
    }
    await output.flush();
    return exitStatus(reports, options.failOn, catalogsFailed);
  },
};

// ---------------------------------------------------------------------------------------------
// The table of subcommands, and the command line around it.

const COMMANDS: Record<string, Subcommand> = {
  scan: scanCommand,
  import: { summary: 'write or update a catalog from an error-code page saved from the provider\'s site', runArguments: runImport },
  catalogs: { summary: 'list the loaded catalogs with their entry counts, sources and dates', runArguments: runCatalogs },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const commands = Object.entries(COMMANDS)
    .map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
    .join('\n');
  return `Usage: error-codebook <command> [options] ...

Commands:
${commands}

Run "error-codebook <command> --help" for a command's options.
  -h, --help      show this help
  -v, --version   print the version

${SCAN_USAGE}`;
}

function readVersion(): string {
  try {
    return (require('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

async function main(argv: string[], output: Output): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(`${usage()}\n`);
    return EXIT_TROUBLE;
  }
  if (name === '-h' || name === '--help') {
    output.write(`${usage()}\n`);
    return EXIT_CLEAN;
  }
  if (name === '-v' || name === '--version') {
    output.write(`${readVersion()}\n`);
    return EXIT_CLEAN;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!command) {
      throw new UsageError(`Unknown command "${name}"; the commands are ${Object.keys(COMMANDS).join(', ')}.`);
    }
    if ('runArguments' in command) {
      return await command.runArguments(rest);
    }
    let parsed: { values: Record<string, unknown>; positionals: string[] };
    try {
      parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (parsed.values.help) {
      output.write(`${command.usage}\n`);
      return EXIT_CLEAN;
    }
    return await command.run(parsed.values, parsed.positionals, output);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error-codebook: ${error.message}\n\n${command && 'usage' in command ? command.usage : usage()}\n`);
      return EXIT_TROUBLE;
    }
    throw error;
  }
}

main(process.argv.slice(2), new Output(process.stdout)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    problem(`${(error as Error).stack ?? error}`);
    process.exitCode = EXIT_TROUBLE;
  },
);
