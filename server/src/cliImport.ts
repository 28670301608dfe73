/*
 * The command line's catalog subcommands, the file-system side of the pure importer:
 * - `error-codebook import <page>` reads an error-code page as saved from the provider's site and
 *   writes (or updates) a catalog in the source's own words, printing what changes;
 * - `error-codebook catalogs` lists the loaded catalogs with their entry counts, dates and sources.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { ImportException, JsonObject, LANGUAGE_TAGS, LanguageTag, LocalizedText, MergeError, PROVIDERS, PageImportError, ProviderId, applyImportExceptions, catalogOverview, diffMerge, formatCatalog, formatDiff, importPage, loadCatalogs, mergeImport, parseCatalogText, parseImportExceptions } from './core/index';
import { builtInCatalogFolder, readCatalogFiles } from './catalogFiles';
import { encodingLabel } from './common/encodings';

/** The reviewed exceptions file an import looks for next to the catalog it updates. */
const EXCEPTIONS_FILE = 'import-exceptions.jsonc';

const IMPORT_USAGE = `Usage: error-codebook import <page> [options]

Reads an error-code page as saved from the provider's site (the HTML of a Huawei Cloud or Alibaba
Cloud error-code page, or a plain-text capture of one) and writes a catalog in the source's own
words. The page's language (en or zh-cn) is read from its text. Importing into an existing catalog
replaces only that language's text and keeps everything else (other languages, translations,
repairs, notes, fields it does not know); the changes are printed entry by entry.

Options:
  -o, --output FILE          the catalog to create or update (without it, the catalog is printed)
  --dry-run                  print only what would change; write nothing
  --url URL                  the page's address (https); needed for a new source
  --captured YYYY-MM-DD      when the page was captured (default today)
  --id ID                    a new catalog's id (default the output file's name)
  --service LANG=TEXT        a new catalog's service name, e.g. --service en=OCR (repeatable)
  --provider NAME            huaweicloud or alibabacloud, when the address and text do not tell
  --exceptions FILE          reviewed differences to apply (default ${EXCEPTIONS_FILE} next to the output)
  --encoding LABEL           the page's encoding when it has no byte-order mark (default utf-8)
  -h, --help                 show this help

Exit status: 0 done, 1 the page or the catalog could not be read or used, 2 the command line is wrong.`;

const CATALOGS_USAGE = `Usage: error-codebook catalogs [options]

Lists the built-in catalogs and those of --catalog, each with its entry count, its source pages and
their dates (the page's own "updated" date, and when it was captured).

Options:
  --catalog PATH             also load the catalogs in this folder or file (repeatable)
  --lang en|zh-cn            language of provider and service names (default en)
  --format text|json         output format (default text)
  -h, --help                 show this help

Exit status: 0 listed, 1 a catalog has problems (listed on standard error), 2 the command line is wrong.`;

class UsageError extends Error {}

function fail(error: unknown, usage: string): number {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`error-codebook: ${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  throw error;
}

/** Today as YYYY-MM-DD, in local time: the day the person running the import captured the page. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A page's text: a byte-order mark decides the encoding, else the label given (UTF-8 by default). */
function decodePage(bytes: Buffer, encoding: string | undefined): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  try {
    return new TextDecoder(encoding ?? 'utf-8').decode(bytes);
  } catch {
    throw new UsageError(`Unknown encoding "${encoding}".`);
  }
}

function parseServices(values: string[]): LocalizedText | undefined {
  if (values.length === 0) {
    return undefined;
  }
  const service: LocalizedText = {};
  for (const value of values) {
    const match = /^(en|zh-cn)=(.+)$/i.exec(value);
    if (!match) {
      throw new UsageError(`--service takes LANG=TEXT with LANG en or zh-cn, e.g. --service en=OCR; "${value}" is not.`);
    }
    service[match[1].toLowerCase() as LanguageTag] = match[2].trim();
  }
  return service;
}

function readExceptions(file: string | undefined, required: boolean): ImportException[] {
  if (file === undefined || (!required && !fs.existsSync(file))) {
    return [];
  }
  const { exceptions, problems } = parseImportExceptions(fs.readFileSync(file, 'utf8'));
  if (problems.length > 0) {
    throw new MergeError(`${file}: ${problems.join(' ')}`);
  }
  return exceptions;
}

/** `error-codebook import <page>`; returns the exit status. */
export async function runImport(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        'dry-run': { type: 'boolean' },
        url: { type: 'string' },
        captured: { type: 'string' },
        id: { type: 'string' },
        service: { type: 'string', multiple: true },
        provider: { type: 'string' },
        exceptions: { type: 'string' },
        encoding: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (parsed.values.help) {
      process.stdout.write(`${IMPORT_USAGE}\n`);
      return 0;
    }
    if (parsed.positionals.length !== 1) {
      throw new UsageError('Name exactly one page to import.');
    }
    const { captured, provider, url } = parsed.values;
    if (captured !== undefined && !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(captured)) {
      throw new UsageError(`--captured takes a date written as YYYY-MM-DD; "${captured}" is not.`);
    }
    if (provider !== undefined && !(provider in PROVIDERS)) {
      throw new UsageError(`Unknown provider "${provider}"; use ${Object.keys(PROVIDERS).join(' or ')}.`);
    }
    if (url !== undefined && !/^https:\/\/[^\s]+$/.test(url)) {
      throw new UsageError(`--url takes an https address; "${url}" is not.`);
    }
    if (parsed.values['dry-run'] && parsed.values.output === undefined) {
      throw new UsageError('--dry-run compares with the catalog of --output; name it.');
    }
    parseServices(parsed.values.service ?? []);
  } catch (error) {
    return fail(error, IMPORT_USAGE);
  }
  const options = parsed.values;
  const [pagePath] = parsed.positionals;
  const output = options.output;
  try {
    const bytes = pagePath === '-' ? fs.readFileSync(0) : fs.readFileSync(pagePath);
    const text = decodePage(bytes, options.encoding === undefined ? undefined : encodingLabel(options.encoding));
    const existingText = output !== undefined && fs.existsSync(output) ? fs.readFileSync(output, 'utf8') : undefined;
    const existing = existingText === undefined ? undefined : readCatalogJson(existingText, output!);
    const page = importPage(text, {
      url: options.url,
      captured: options.captured ?? today(),
      provider: options.provider as ProviderId | undefined,
      id: typeof existing?.id === 'string' ? existing.id : options.id ?? (output ? path.basename(output, '.json') : undefined),
      service: parseServices(options.service ?? []),
    });
    const exceptionsFile = options.exceptions ?? (output ? path.join(path.dirname(output), EXCEPTIONS_FILE) : undefined);
    const exceptions = readExceptions(exceptionsFile, options.exceptions !== undefined);
    const applied = applyImportExceptions(page.catalog.entries, page.catalog.id, page.language, exceptions);
    const merged = mergeImport(existing, { ...page, catalog: { ...page.catalog, entries: applied.entries } });
    const diff = diffMerge(merged);
    const label = `${page.catalog.id || 'catalog'} (${page.language})`;
    const report = [
      ...(options['dry-run']
        ? []
        : [`${pagePath}: ${page.format}, ${page.language}, ${page.provider ?? 'provider unknown'}; ${page.tables.join('; ')}`]),
      ...page.skippedRows.map((row) => `  skipped a row without a code: ${row}`),
      ...applied.applied.map((exception) => `  kept the catalog's ${exception.field} of ${exception.entry}: ${exception.reason}`),
      ...applied.unused.map((exception) => `  review: the exception for ${exception.entry} (${exception.field}) no longer matches the page`),
      ...formatDiff(diff, label),
    ];
    const result = formatCatalog(merged.catalog);
    const problems = newProblems(existingText, result, output ?? label);
    if (problems.length > 0) {
      process.stderr.write(`error-codebook: the imported catalog would not load:\n${problems.map((problem) => `  ${problem}`).join('\n')}\n`);
      return 1;
    }
    if (output === undefined) {
      process.stderr.write(`${report.join('\n')}\n`);
      process.stdout.write(result);
      return 0;
    }
    process.stdout.write(`${report.join('\n')}\n`);
    if (!options['dry-run']) {
      fs.writeFileSync(output, result);
      process.stdout.write(`wrote ${output}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      return fail(error, IMPORT_USAGE);
    }
    if (error instanceof PageImportError || error instanceof MergeError || (error as NodeJS.ErrnoException).code !== undefined) {
      process.stderr.write(`error-codebook: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

function readCatalogJson(text: string, file: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new MergeError(`${file} is not valid JSON (${(error as Error).message}); fix it before importing into it.`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MergeError(`${file} is not a catalog (a JSON object).`);
  }
  return value as JsonObject;
}

/** The loader's problems with the merged catalog that the catalog did not have before the import. */
function newProblems(before: string | undefined, after: string, file: string): string[] {
  const known = new Set(before === undefined ? [] : parseCatalogText(before, file).problems.map((problem) => problem.message));
  return parseCatalogText(after, file)
    .problems.filter((problem) => !known.has(problem.message))
    .map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`);
}

/** `error-codebook catalogs`; returns the exit status. */
export async function runCatalogs(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        catalog: { type: 'string', multiple: true },
        lang: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
    if (values.help) {
      process.stdout.write(`${CATALOGS_USAGE}\n`);
      return 0;
    }
    if (values.lang !== undefined && !(LANGUAGE_TAGS as readonly string[]).includes(values.lang.toLowerCase())) {
      throw new UsageError(`Unknown language "${values.lang}"; use en or zh-cn.`);
    }
    if (values.format !== undefined && values.format !== 'text' && values.format !== 'json') {
      throw new UsageError(`Unknown format "${values.format}"; use text or json.`);
    }
  } catch (error) {
    return fail(error, CATALOGS_USAGE);
  }
  const language = (values.lang?.toLowerCase() ?? 'en') as LanguageTag;
  const { texts, problems: readProblems } = readCatalogFiles([builtInCatalogFolder(), ...(values.catalog ?? [])]);
  const loaded = loadCatalogs(texts, readProblems);
  const catalogs = loaded.catalogs.map(({ catalog, file }) => catalogOverview(catalog, file, language));
  if (values.format === 'json') {
    process.stdout.write(`${JSON.stringify({ catalogs, problems: loaded.problems }, null, 2)}\n`);
  } else {
    const lines: string[] = [];
    for (const catalog of catalogs) {
      lines.push(`${catalog.id}  ${catalog.entries} entries  ${catalog.provider} · ${catalog.service}`);
      for (const source of catalog.sources) {
        const dates = [source.updated ? `updated ${source.updated}` : undefined, source.captured ? `captured ${source.captured}` : undefined].filter(Boolean);
        lines.push(`  ${source.language.padEnd(5)}  ${source.url}${dates.length > 0 ? `  ${dates.join('  ')}` : ''}`);
      }
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  for (const problem of loaded.problems) {
    process.stderr.write(`error-codebook: catalog problem: ${problem.file}:${problem.line}:${problem.column}: ${problem.message}\n`);
  }
  return loaded.problems.length > 0 ? 1 : 0;
}
