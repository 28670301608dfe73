/*
 * What `error-codebook scan` writes, in each format, as the findings come: text lines, JSON or
 * SARIF 2.1.0, or a summary per code. Nothing is built whole in memory: JSON and SARIF are written
 * piece by piece (SARIF's rules, known only at the end, come after its results; the order of a JSON
 * object's members carries no meaning), and a summary keeps one group per code.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import { FindingRecord, LanguageTag, SEVERITY_RANK, Severity, largestFirst, stringsFor } from './core/index';
import { Output } from './cliCommon';

/** What a format needs of a finding's line besides its record. */
export interface FindingExtra {
  /** A hash of the line's text, for SARIF's fingerprints. */
  lineHash?: string;
  /** When the line was written (ISO 8601, or as written when it has no year), for the summary. */
  time?: string;
}

export interface ScanFinding {
  record: FindingRecord;
  extra: FindingExtra;
}

export interface OutputFormat {
  /** Which extras the format reads. */
  readonly needs: { lineHash: boolean; time: boolean };
  beginFile(file: string): void;
  finding(finding: ScanFinding): void;
  endFile(error?: string): void;
  finish(catalogProblems: string[]): void;
}

export type FormatName = 'text' | 'json' | 'sarif';

/** `language` is that of the closing line of text output; the findings' records come in it already. */
export function createFormat(name: FormatName, summary: boolean, output: Output, version: string, language: LanguageTag = 'en'): OutputFormat {
  if (summary) {
    return name === 'json' ? new SummaryJson(output, version) : new SummaryText(output, language);
  }
  switch (name) {
    case 'json':
      return new JsonFormat(output, version);
    case 'sarif':
      return new SarifFormat(output, version);
    default:
      return new TextFormat(output, language);
  }
}

/**
 * What the text formats share: the input being written, how many inputs were read and how many
 * findings they held, and the closing line that says so.
 */
abstract class TextOutputFormat implements OutputFormat {
  abstract readonly needs: { lineHash: boolean; time: boolean };
  protected file = '';
  private files = 0;
  private total = 0;

  constructor(
    protected readonly output: Output,
    private readonly language: LanguageTag,
  ) {}

  beginFile(file: string): void {
    this.file = file;
  }

  finding(finding: ScanFinding): void {
    this.total++;
    this.take(finding);
  }

  /** Writes or keeps one finding of the current input. */
  protected abstract take(finding: ScanFinding): void;

  endFile(error?: string): void {
    if (error === undefined) {
      this.files++;
    }
  }

  finish(): void {
    this.output.write(`${stringsFor(this.language).cliSummary(this.total, this.files)}\n`);
  }
}

class TextFormat extends TextOutputFormat {
  readonly needs = { lineHash: false, time: false };

  protected take({ record }: ScanFinding): void {
    this.output.write(`${this.file}:${record.line}:${record.column}: ${record.severity}: ${record.message}\n`);
  }
}

/** The start of the JSON outputs, up to their list of files. */
function jsonOpening(version: string): string {
  return `{\n  "version": ${JSON.stringify(version)},\n  "files": [`;
}

/** The end of the JSON outputs, after `files` files: the catalogs' problems. */
function jsonClosing(files: number, catalogProblems: string[]): string {
  return `${files > 0 ? '\n  ' : ''}],\n  "catalogProblems": ${JSON.stringify(catalogProblems)}\n}\n`;
}

/** `{ "version", "files": [ { "path", "findings": [ … ], "error"? } ], "catalogProblems" }`, one finding a line. */
class JsonFormat implements OutputFormat {
  readonly needs = { lineHash: false, time: false };
  private files = 0;
  private findings = 0;

  constructor(
    private readonly output: Output,
    version: string,
  ) {
    output.write(jsonOpening(version));
  }

  beginFile(file: string): void {
    this.output.write(`${this.files++ === 0 ? '' : ','}\n    {\n      "path": ${JSON.stringify(file)},\n      "findings": [`);
    this.findings = 0;
  }

  finding({ record }: ScanFinding): void {
    this.output.write(`${this.findings++ === 0 ? '' : ','}\n        ${JSON.stringify(record)}`);
  }

  endFile(error?: string): void {
    this.output.write(`${this.findings > 0 ? '\n      ' : ''}]${error !== undefined ? `,\n      "error": ${JSON.stringify(error)}` : ''}\n    }`);
  }

  finish(catalogProblems: string[]): void {
    this.output.write(jsonClosing(this.files, catalogProblems));
  }
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
/** The base the artifacts' URIs are relative to: the folder the command ran in. */
const SOURCE_ROOT = 'SRCROOT';

/** A URI for a file, relative to the current folder: never absolute, each segment encoded. */
function relativeUri(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative
    .split(path.sep)
    .filter((segment, index) => segment !== '' || index > 0)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** A rule id that reads well for a label: lower-case words joined by `-`, else a short hash of it. */
function slug(label: string): string {
  const words = label
    .toLowerCase()
    .replace(/[^a-z0-9.*]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[\x20-\x7e]*$/.test(label) && words !== '' ? words : createHash('sha256').update(label).digest('hex').slice(0, 12);
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help?: { text: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: Record<string, unknown>;
}

/**
 * SARIF 2.1.0 with one rule per catalog entry (a code that means different things in different
 * tables is as many rules), one per family of unknown codes and per product of other products'
 * errors; results with fingerprints that survive lines moving, and artifact URIs relative to the
 * folder the command ran in.
 */
class SarifFormat implements OutputFormat {
  readonly needs = { lineHash: true, time: false };
  private readonly rules = new Map<string, { index: number; rule: SarifRule }>();
  private results = 0;
  private uri = '';
  private fromStandardInput = false;
  /** How often each fingerprint base was seen in the current file, so equal lines stay apart. */
  private seen = new Map<string, number>();
  private readonly notifications: { level: 'error'; message: { text: string } }[] = [];
  private file = '';

  constructor(
    private readonly output: Output,
    private readonly version: string,
  ) {
    output.write(`{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [`);
  }

  beginFile(file: string): void {
    this.file = file;
    this.fromStandardInput = file === '-';
    this.uri = this.fromStandardInput ? 'stdin' : relativeUri(file);
    this.seen = new Map();
  }

  finding({ record, extra }: ScanFinding): void {
    const rule = this.ruleFor(record);
    const base = `${rule.rule.id}|${record.code}|${extra.lineHash ?? ''}`;
    const repeat = this.seen.get(base) ?? 0;
    this.seen.set(base, repeat + 1);
    const result = {
      ruleId: rule.rule.id,
      ruleIndex: rule.index,
      level: SARIF_LEVEL[record.severity],
      message: { text: record.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: this.fromStandardInput ? { uri: this.uri } : { uri: this.uri, uriBaseId: SOURCE_ROOT },
            region: { startLine: record.line, startColumn: record.column, endColumn: record.endColumn },
          },
        },
      ],
      partialFingerprints: { 'errorCodebookLine/v1': `${createHash('sha256').update(base).digest('hex').slice(0, 32)}:${repeat}` },
      properties: {
        code: record.code,
        kind: record.kind,
        catalog: record.catalog,
        ...(record.entryId !== undefined ? { entryId: record.entryId } : {}),
        ...(record.origin !== undefined ? { origin: record.origin } : {}),
        candidates: record.candidates,
      },
    };
    this.output.write(`${this.results++ === 0 ? '' : ','}\n        ${JSON.stringify(result)}`);
  }

  endFile(error?: string): void {
    if (error !== undefined) {
      this.notifications.push({ level: 'error', message: { text: `${this.file}: ${error}` } });
    }
  }

  finish(): void {
    const rules = [...this.rules.values()].sort((a, b) => a.index - b.index).map((item) => item.rule);
    const tail = {
      tool: { driver: { name: 'Error Codebook', version: this.version, informationUri: 'https://help.aliyun.com/document_detail/91593.html', rules } },
      invocations: [{ executionSuccessful: this.notifications.length === 0, toolExecutionNotifications: this.notifications }],
      originalUriBaseIds: { [SOURCE_ROOT]: { description: { text: 'The folder error-codebook ran in; every artifact URI is relative to it.' } } },
      columnKind: 'utf16CodeUnits',
    };
    const members = JSON.stringify(tail, null, 2).slice(1, -1).replace(/\n/g, '\n    ');
    this.output.write(`${this.results > 0 ? '\n      ' : ''}],${members}}\n  ]\n}\n`);
  }

  /** The rule of a finding: its entry's, or its kind's for the product or family it names. */
  private ruleFor(record: FindingRecord): { index: number; rule: SarifRule } {
    const id = record.entryId ?? `${record.kind}/${slug(record.catalog)}`;
    let known = this.rules.get(id);
    if (!known) {
      const entryCode = record.entryId?.slice(record.entryId.indexOf(':') + 1);
      const description = record.entryId !== undefined ? record.meaning : record.catalog;
      const rule: SarifRule = {
        id,
        name: record.entryId !== undefined ? entryCode! : record.kind,
        shortDescription: { text: description },
        fullDescription: { text: record.entryId !== undefined ? `${record.catalog}: ${record.meaning}` : record.catalog },
        ...(record.documentation ? { helpUri: record.documentation, help: { text: `${description} ${record.documentation}` } } : {}),
        defaultConfiguration: { level: SARIF_LEVEL[record.severity] },
        properties: { catalog: record.catalog, kind: record.kind },
      };
      known = { index: this.rules.size, rule };
      this.rules.set(id, known);
    }
    return known;
  }
}

/** One code of a summary: how often it was found, where first and last, and when. */
export interface SummaryGroup {
  code: string;
  entryId?: string;
  kind: FindingRecord['kind'];
  severity: Severity;
  catalog: string;
  meaning: string;
  count: number;
  /** One-based lines of the first and last finding. */
  firstLine: number;
  lastLine: number;
  /** When the first and last of its lines that say so were written (ISO 8601, or as written when the time has no year). */
  firstTime?: string;
  lastTime?: string;
}

/** Findings of one file grouped by code and what it means, most frequent first. */
class SummaryCollector {
  private readonly groups = new Map<string, SummaryGroup>();
  total = 0;

  add({ record, extra }: ScanFinding): void {
    this.total++;
    const key = `${record.code}\u0000${record.entryId ?? `${record.kind}\u0000${record.catalog}`}`;
    const group = this.groups.get(key);
    if (group) {
      group.count++;
      group.lastLine = record.line;
      if (extra.time !== undefined) {
        group.firstTime ??= extra.time;
        group.lastTime = extra.time;
      }
      if (SEVERITY_RANK[record.severity] < SEVERITY_RANK[group.severity]) {
        group.severity = record.severity;
      }
      return;
    }
    this.groups.set(key, {
      code: record.code,
      ...(record.entryId !== undefined ? { entryId: record.entryId } : {}),
      kind: record.kind,
      severity: record.severity,
      catalog: record.catalog,
      meaning: record.meaning,
      count: 1,
      firstLine: record.line,
      lastLine: record.line,
      ...(extra.time !== undefined ? { firstTime: extra.time, lastTime: extra.time } : {}),
    });
  }

  result(): SummaryGroup[] {
    return [...this.groups.values()].sort(largestFirst);
  }
}

/** `--summary`: per file, one line per code with its count, lines and times. */
class SummaryText extends TextOutputFormat {
  readonly needs = { lineHash: false, time: true };
  private collector = new SummaryCollector();

  override beginFile(file: string): void {
    super.beginFile(file);
    this.collector = new SummaryCollector();
  }

  protected take(finding: ScanFinding): void {
    this.collector.add(finding);
  }

  override endFile(error?: string): void {
    super.endFile(error);
    if (error !== undefined) {
      return;
    }
    const groups = this.collector.result();
    this.output.write(`${this.file}: ${this.collector.total} error code${this.collector.total === 1 ? '' : 's'}, ${groups.length} distinct\n`);
    const width = Math.max(0, ...groups.map((group) => String(group.count).length));
    for (const group of groups) {
      const lines = group.firstLine === group.lastLine ? `line ${group.firstLine}` : `lines ${group.firstLine}–${group.lastLine}`;
      const times = group.firstTime === undefined ? '' : group.firstTime === group.lastTime ? `, ${group.firstTime}` : `, ${group.firstTime} → ${group.lastTime ?? '?'}`;
      const what = group.meaning === group.catalog ? group.catalog : `${group.catalog}: ${group.meaning}`;
      this.output.write(`  ${String(group.count).padStart(width)}× ${group.code}  ${group.severity}  ${what}  (${lines}${times})\n`);
    }
  }
}

/** `--summary --format json`: `{ "version", "files": [ { "path", "total", "codes": [ … ], "error"? } ], "catalogProblems" }`. */
class SummaryJson implements OutputFormat {
  readonly needs = { lineHash: false, time: true };
  private collector = new SummaryCollector();
  private file = '';
  private files = 0;

  constructor(
    private readonly output: Output,
    version: string,
  ) {
    output.write(jsonOpening(version));
  }

  beginFile(file: string): void {
    this.file = file;
    this.collector = new SummaryCollector();
  }

  finding(finding: ScanFinding): void {
    this.collector.add(finding);
  }

  endFile(error?: string): void {
    const codes = this.collector.result().map((group) => `\n        ${JSON.stringify(group)}`).join(',');
    this.output.write(
      `${this.files++ === 0 ? '' : ','}\n    {\n      "path": ${JSON.stringify(this.file)},\n      "total": ${this.collector.total},\n      "codes": [${codes}${codes ? '\n      ' : ''}]${error !== undefined ? `,\n      "error": ${JSON.stringify(error)}` : ''}\n    }`,
    );
  }

  finish(catalogProblems: string[]): void {
    this.output.write(jsonClosing(this.files, catalogProblems));
  }
}
