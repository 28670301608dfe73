#!/usr/bin/env node
/*
 * error-codebook: the command line, for terminals and CI. It shares the core with the language
 * server and streams every input, so files of any size and standard input work alike.
 */
import * as fs from 'fs';
import * as path from 'path';
import { minimatch } from 'minimatch';
import { LanguageTag } from './core/catalogModel';
import { ResolvedOccurrence } from './core/codeDocument';
import { LanguageService, createLanguageService } from './core/languageService';
import { catalogLabel, documentationLinks, meaningOf, plainLine, renderDiagnosticMessage } from './core/render';
import { SEVERITY_RANK, Severity, severityOf } from './core/severity';
import { defaultSettings } from './common/settings';
import { builtInCatalogFolder, readCatalogFiles } from './catalogFiles';
import { FileScanError, scanFile, scanStream } from './fileScan';
import { encodingLabel } from './common/encodings';
import { runCatalogs, runImport } from './cliImport';

const USAGE = `Usage: error-codebook scan [options] <file | glob | -> ...

Finds Huawei Cloud and Alibaba Cloud API error codes in logs, JSON and source, and explains them.
"-" reads standard input (kubectl logs my-pod | error-codebook scan -).

Options:
  --format text|json|sarif   output format (default text; sarif is SARIF 2.1.0)
  --lang en|zh-cn            language of explanations (default en)
  --fail-on LEVEL            exit 1 when a finding is at least this severe:
                             error, warning, information, hint or none (default error)
  --catalog PATH             also load the catalogs in this folder or file (repeatable)
  --encoding LABEL           the inputs' encoding when they have no byte-order mark
                             (default utf-8; e.g. gbk, gb18030, utf-16le, shift_jis)
  -h, --help                 show this help

Exit status: 0 nothing at the --fail-on level, 1 findings at that level, 2 an input could not be read
or the command line is wrong (the other inputs are still scanned).

Also: error-codebook import <page> (a catalog from an error-code page) and error-codebook catalogs
(the loaded catalogs with their dates); --help after either tells more.`;

interface Options {
  format: 'text' | 'json' | 'sarif';
  language: LanguageTag;
  failOn: Severity | 'none';
  catalogs: string[];
  inputs: string[];
  encoding?: string;
}

interface Finding {
  line: number;
  column: number;
  endColumn: number;
  code: string;
  entryId: string;
  severity: Severity;
  catalog: string;
  meaning: string;
  message: string;
  documentation?: string;
  candidates: number;
}

interface FileReport {
  path: string;
  findings: Finding[];
  error?: string;
}

class UsageError extends Error {}

function parseArguments(argv: string[]): Options {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help') {
    throw new UsageError('');
  }
  if (command !== 'scan') {
    throw new UsageError(`Unknown command "${command}"; the command is "scan".`);
  }
  const options: Options = { format: 'text', language: 'en', failOn: 'error', catalogs: [], inputs: [] };
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index];
    const value = () => {
      const next = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++index];
      if (next === undefined) {
        throw new UsageError(`${arg} needs a value.`);
      }
      return next;
    };
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (name === '-h' || name === '--help') {
      throw new UsageError('');
    } else if (name === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json' && format !== 'sarif') {
        throw new UsageError(`Unknown format "${format}"; use text, json or sarif.`);
      }
      options.format = format;
    } else if (name === '--lang') {
      const language = value().toLowerCase();
      if (language !== 'en' && language !== 'zh-cn') {
        throw new UsageError(`Unknown language "${language}"; use en or zh-cn.`);
      }
      options.language = language;
    } else if (name === '--fail-on') {
      const level = value();
      if (!['error', 'warning', 'information', 'hint', 'none'].includes(level)) {
        throw new UsageError(`Unknown level "${level}"; use error, warning, information, hint or none.`);
      }
      options.failOn = level as Options['failOn'];
    } else if (name === '--catalog') {
      options.catalogs.push(value());
    } else if (name === '--encoding') {
      options.encoding = encodingLabel(value());
    } else if (arg.startsWith('--')) {
      throw new UsageError(`Unknown option ${arg}.`);
    } else {
      options.inputs.push(arg);
    }
  }
  if (options.inputs.length === 0) {
    throw new UsageError('Name at least one file, glob, or - for standard input.');
  }
  return options;
}

/** Expands globs by walking the folder before the first wildcard; plain paths are kept as they are. */
function expandInputs(inputs: string[]): { paths: string[]; errors: FileReport[] } {
  const paths: string[] = [];
  const errors: FileReport[] = [];
  for (const input of inputs) {
    if (input === '-' || !/[*?[{]/.test(input)) {
      paths.push(input);
      continue;
    }
    const parts = input.split(/[\\/]/);
    const firstGlob = parts.findIndex((part) => /[*?[{]/.test(part));
    const base = parts.slice(0, firstGlob).join('/') || '.';
    const matches: string[] = [];
    walk(base, (file) => {
      if (minimatch(file, input, { dot: false })) {
        matches.push(file);
      }
    });
    if (matches.length === 0) {
      errors.push({ path: input, findings: [], error: 'No file matches this pattern.' });
    }
    paths.push(...matches.sort());
  }
  return { paths, errors };
}

function walk(folder: string, visit: (file: string) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = folder === '.' ? entry.name : path.join(folder, entry.name).split(path.sep).join('/');
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.git') {
        walk(full, visit);
      }
    } else if (entry.isFile()) {
      visit(full);
    }
  }
}

/** The command line rates findings as the editor does by default. */
const DEFAULT_SEVERITY = defaultSettings()['diagnostics.severity'];

type Explained = Pick<Finding, 'code' | 'entryId' | 'severity' | 'catalog' | 'meaning' | 'message' | 'documentation' | 'candidates'>;

/**
 * The part of a finding that depends only on what was found, not where: a log repeats the same few
 * codes thousands of times, so each is explained once. Remembered per code, entry and certainty.
 */
const explained = new Map<string, Explained>();

function toFinding(item: ResolvedOccurrence, language: LanguageTag): Finding {
  const { occurrence, resolution } = item;
  const entry = resolution.ranked[0].entry;
  const key = `${occurrence.token}\u0000${entry.id}\u0000${resolution.confident}\u0000${resolution.ranked.length}`;
  let explanation = explained.get(key);
  if (explanation === undefined) {
    const level = severityOf(entry, DEFAULT_SEVERITY);
    const link = documentationLinks(entry, language, occurrence.token)[0];
    explanation = {
      code: occurrence.token,
      entryId: entry.id,
      severity: level === 'off' ? 'hint' : level,
      catalog: catalogLabel(entry.catalog, language),
      meaning: plainLine(meaningOf(entry, language)),
      message: renderDiagnosticMessage(resolution, occurrence.token, language),
      ...(link ? { documentation: link.url } : {}),
      candidates: resolution.ranked.length,
    };
    explained.set(key, explanation);
  }
  return { line: occurrence.line + 1, column: occurrence.start + 1, endColumn: occurrence.end + 1, ...explanation };
}

async function scanInput(service: LanguageService, input: string, language: LanguageTag, encoding: string | undefined): Promise<FileReport> {
  const findings: Finding[] = [];
  const onFound = (item: ResolvedOccurrence) => findings.push(toFinding(item, language));
  try {
    if (input === '-') {
      await scanStream(service, process.stdin, 0, { onFound, encoding });
      return { path: '-', findings };
    }
    await scanFile(service, input, { onFound, encoding });
    return { path: input, findings };
  } catch (error) {
    const message = error instanceof FileScanError ? error.message : (error as Error).message;
    return { path: input, findings, error: message };
  }
}

function formatText(reports: FileReport[], catalogProblems: string[]): string {
  const lines: string[] = [...catalogProblems.map((problem) => `catalog problem: ${problem}`)];
  let total = 0;
  for (const report of reports) {
    if (report.error) {
      lines.push(`${report.path}: error: ${report.error}`);
    }
    for (const finding of report.findings) {
      total++;
      lines.push(`${report.path}:${finding.line}:${finding.column}: ${finding.severity}: ${finding.message}`);
    }
  }
  const files = reports.filter((report) => !report.error).length;
  lines.push(`${total} error code${total === 1 ? '' : 's'} found in ${files} input${files === 1 ? '' : 's'}.`);
  return lines.join('\n');
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
              artifactLocation: { uri: report.path === '-' ? 'stdin' : report.path.split(path.sep).join('/') },
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

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'import' || command === 'catalogs') {
    return command === 'import' ? runImport(rest) : runCatalogs(rest);
  }
  let options: Options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      const message = error.message;
      (message ? process.stderr : process.stdout).write(`${message ? `error-codebook: ${message}\n\n` : ''}${USAGE}\n`);
      return message ? 2 : 0;
    }
    throw error;
  }
  const { texts, problems: readProblems } = readCatalogFiles([builtInCatalogFolder(), ...options.catalogs]);
  const service = createLanguageService(texts);
  const catalogProblems = [...readProblems, ...service.loaded.problems].map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`);
  for (const problem of catalogProblems) {
    if (options.format !== 'text') {
      process.stderr.write(`error-codebook: catalog problem: ${problem}\n`);
    }
  }
  const { paths, errors } = expandInputs(options.inputs);
  const reports: FileReport[] = [...errors];
  for (const input of paths) {
    reports.push(await scanInput(service, input, options.language, options.encoding));
  }
  let version = 'unknown';
  try {
    version = (require('../package.json') as { version: string }).version;
  } catch {
    // The version is only informative.
  }
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ version, files: reports, catalogProblems }, null, 2)}\n`);
  } else if (options.format === 'sarif') {
    process.stdout.write(`${formatSarif(reports, version)}\n`);
  } else {
    process.stdout.write(`${formatText(reports, catalogProblems)}\n`);
  }
  if (reports.some((report) => report.error) || catalogProblems.length > 0 && service.loaded.catalogs.length === 0) {
    return 2;
  }
  if (options.failOn === 'none') {
    return 0;
  }
  const threshold = SEVERITY_RANK[options.failOn];
  return reports.some((report) => report.findings.some((finding) => SEVERITY_RANK[finding.severity] <= threshold)) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`error-codebook: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 2;
  },
);
