/*
 * Turns the text of a catalog file into a checked catalog. Every problem is reported with the file,
 * line and column it stands at; a broken entry is skipped and the rest of the catalog still loads.
 */
import { Node, ParseError, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import {
  CATALOG_FORMAT_VERSION,
  CODE_PLACEHOLDERS,
  CatalogEntryData,
  CatalogFile,
  CatalogOrigin,
  CodeFamily,
  LANGUAGE_TAGS,
  LanguageTag,
} from './catalogModel';
import { codePlaceholders } from './codeTemplate';
import { isHttpsUrl } from './url';

export interface CatalogProblem {
  file: string;
  /** One-based line and column, as editors and compilers print them. */
  line: number;
  column: number;
  message: string;
}

export interface ParsedCatalog {
  catalog?: CatalogFile;
  problems: CatalogProblem[];
  /** Where the catalog's "id" stands, for problems about the catalog as a whole (a repeated id). */
  idPosition?: { line: number; column: number };
}

/** The longest text a catalog field may hold. */
export const MAX_TEXT_LENGTH = 20_000;
/** The most entries one catalog may hold. */
const MAX_ENTRIES = 200_000;

const TEXT_FIELDS = ['module', 'message', 'description', 'cause', 'solution'] as const;
const ENTRY_KEYS = new Set(['code', 'httpStatus', 'messageVariables', 'kind', 'translations', 'repairs', ...TEXT_FIELDS]);
const CATALOG_KEYS = new Set([
  '$schema', 'version', 'id', 'provider', 'service', 'languages', 'sources', 'scope', 'documentation', 'errorBody', 'origin', 'families', 'repairs', 'entries',
]);
const ORIGIN_KEYS = new Set(['provider', 'product', 'hosts', 'providerHosts', 'providerLinks', 'sdks', 'providerSdks', 'apiPaths', 'bodyKeys', 'productNames', 'names', 'providerNames']);
const ORIGIN_LISTS = ['hosts', 'providerHosts', 'providerLinks', 'sdks', 'providerSdks', 'apiPaths', 'bodyKeys', 'productNames', 'names', 'providerNames'] as const;
const ORIGIN_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A host name whose labels may be `{region}` or `{product}`, or start or end with one. */
const HOST_PATTERN = /^(?:[a-z0-9{}](?:[a-z0-9{}-]*[a-z0-9{}])?\.)+[a-z]{2,}$/;
const LINK_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}\/(?:[a-z0-9{}._-]+\/)*[a-z0-9{}._-]*\{product\}[a-z0-9{}._-]*\/(?:[a-z0-9{}._-]+\/)*$/;
/** What a code may look like: letters, digits, "_" and "." with {Placeholder}s. */
export const CODE_SHAPE = /^(?:[A-Za-z0-9_.]|\{[A-Za-z][A-Za-z0-9]*\})+$/;
const MESSAGE_VARIABLES = new Set(['XX', 'XXX', 'xxx']);
const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** The deepest nesting of objects and arrays a catalog may have; real ones need six levels. */
const MAX_NESTING = 64;

/**
 * Parses and checks a catalog. It never throws: text nested deeper than MAX_NESTING, and any
 * failure inside the parser, become reported problems, so one catalog cannot take the others down.
 */
export function parseCatalogText(text: string, file: string): ParsedCatalog {
  const tooDeep = offsetPastNesting(text, MAX_NESTING);
  if (tooDeep !== -1) {
    const { line, column } = toLineColumn(computeLineStarts(text), tooDeep);
    return { problems: [{ file, line, column, message: `The catalog nests objects and arrays more than ${MAX_NESTING} levels deep; it was not read.` }] };
  }
  try {
    return parseCheckedText(text, file);
  } catch (error) {
    return { problems: [{ file, line: 1, column: 1, message: `The catalog could not be read: ${String((error as Error)?.message ?? error)}` }] };
  }
}

/**
 * Where JSON(C) text first opens an object or array deeper than `limit` levels, or -1. Strings
 * and comments are skipped, so brackets inside them do not count; the scan is one pass, with no
 * recursion.
 */
function offsetPastNesting(text: string, limit: number): number {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 34) {
      // A string: up to the next quote that is not escaped.
      for (index++; index < text.length; index++) {
        const inner = text.charCodeAt(index);
        if (inner === 92) {
          index++;
        } else if (inner === 34 || inner === 10 || inner === 13) {
          break;
        }
      }
    } else if (char === 47 && text.charCodeAt(index + 1) === 47) {
      while (index < text.length && text.charCodeAt(index) !== 10 && text.charCodeAt(index) !== 13) {
        index++;
      }
    } else if (char === 47 && text.charCodeAt(index + 1) === 42) {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? text.length : end + 1;
    } else if (char === 123 || char === 91) {
      if (++depth > limit) {
        return index;
      }
    } else if (char === 125 || char === 93) {
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}

function parseCheckedText(text: string, file: string): ParsedCatalog {
  const problems: CatalogProblem[] = [];
  const lineStarts = computeLineStarts(text);
  const report = (offset: number, message: string) => {
    const { line, column } = toLineColumn(lineStarts, offset);
    problems.push({ file, line, column, message });
  };
  if (text.charCodeAt(0) === 0xfeff) {
    text = ' ' + text.slice(1);
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    for (const error of errors.slice(0, 5)) {
      report(error.offset, `Not valid JSON: ${describeParseError(printParseErrorCode(error.error))}.`);
    }
    if (errors.length === 0) {
      report(0, 'The file is empty.');
    }
    return { problems };
  }
  const checker = new Checker(report);
  const catalog = checker.catalog(root);
  const idNode = catalog ? findNodeAtLocation(root, ['id']) : undefined;
  return { catalog, problems, ...(idNode ? { idPosition: toLineColumn(lineStarts, idNode.offset) } : {}) };
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

class Checker {
  /** How many problems were reported so far, so an entry with any problem is left out whole. */
  private problemCount = 0;

  constructor(private readonly sink: (offset: number, message: string) => void) {}

  private report(offset: number, message: string): void {
    this.problemCount++;
    this.sink(offset, message);
  }

  catalog(root: Node): CatalogFile | undefined {
    if (root.type !== 'object') {
      this.report(root.offset, 'A catalog is a JSON object.');
      return undefined;
    }
    const props = this.properties(root, CATALOG_KEYS, 'catalog');
    const version = props.get('version');
    if (!version || version.type !== 'number') {
      this.report(version?.offset ?? root.offset, `"version" must be the number ${CATALOG_FORMAT_VERSION}.`);
      return undefined;
    }
    if (version.value !== CATALOG_FORMAT_VERSION) {
      this.report(version.offset, `This catalog is written for format version ${version.value}; this version of Error Codebook reads version ${CATALOG_FORMAT_VERSION}.`);
      return undefined;
    }
    const id = this.string(props.get('id'), root, '"id"', /^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by dashes');
    const provider = this.localized(props.get('provider'), root, '"provider"', true);
    const service = this.localized(props.get('service'), root, '"service"', true);
    const languages = this.languages(props.get('languages'), root);
    const sources = this.sources(props.get('sources'), root);
    const entriesNode = props.get('entries');
    if (id === undefined || !provider || !service || !languages || !sources) {
      return undefined;
    }
    if (!entriesNode || entriesNode.type !== 'array') {
      this.report(entriesNode?.offset ?? root.offset, '"entries" must be an array of entries.');
      return undefined;
    }
    const catalog: CatalogFile = { version: CATALOG_FORMAT_VERSION, id, provider, service, languages, sources, entries: [] };
    const documentation = props.get('documentation');
    if (documentation) {
      catalog.documentation = this.documentation(documentation);
    }
    const scope = props.get('scope');
    if (scope) {
      const value = this.string(scope, root, '"scope"', /^(?:service|gateway)$/, 'service or gateway');
      if (value) {
        catalog.scope = value as CatalogFile['scope'];
      }
    }
    const errorBody = props.get('errorBody');
    if (errorBody) {
      catalog.errorBody = this.errorBody(errorBody);
    }
    const origin = props.get('origin');
    if (origin) {
      catalog.origin = this.origin(origin);
    }
    const families = props.get('families');
    if (families) {
      catalog.families = this.families(families);
    }
    const repairs = props.get('repairs');
    if (repairs) {
      catalog.repairs = this.stringList(repairs, '"repairs"');
    }
    const children = entriesNode.children ?? [];
    if (children.length > MAX_ENTRIES) {
      this.report(entriesNode.offset, `A catalog holds at most ${MAX_ENTRIES} entries; the rest are left out.`);
    }
    const seen = new Map<string, number>();
    for (const child of children.slice(0, MAX_ENTRIES)) {
      const entry = this.entry(child);
      if (!entry) {
        continue;
      }
      const key = `${entry.code}\u0000${entry.message ? JSON.stringify(entry.message) : ''}`;
      if (seen.has(key)) {
        this.report(child.offset, `Entry ${entry.code} repeats an earlier entry with the same code and message; it is left out.`);
        continue;
      }
      seen.set(key, child.offset);
      catalog.entries.push(entry);
    }
    return catalog;
  }

  private properties(node: Node, allowed: Set<string>, what: string): Map<string, Node> {
    const result = new Map<string, Node>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode) {
        continue;
      }
      const key = String(keyNode.value);
      if (!allowed.has(key)) {
        this.report(keyNode.offset, `Unknown property "${truncate(key)}" in ${what}.`);
        continue;
      }
      result.set(key, valueNode);
    }
    return result;
  }

  private string(node: Node | undefined, parent: Node, what: string, pattern?: RegExp, patternText?: string): string | undefined {
    if (!node || node.type !== 'string') {
      this.report(node?.offset ?? parent.offset, `${what} must be a string.`);
      return undefined;
    }
    const value = node.value as string;
    if (value.length > MAX_TEXT_LENGTH) {
      this.report(node.offset, `${what} is ${value.length} characters long; at most ${MAX_TEXT_LENGTH} are allowed.`);
      return undefined;
    }
    if (pattern && !pattern.test(value)) {
      this.report(node.offset, `${what} "${truncate(value)}" must be ${patternText}.`);
      return undefined;
    }
    return value;
  }

  private url(node: Node | undefined, parent: Node, what: string): string | undefined {
    const value = this.string(node, parent, what);
    if (value === undefined) {
      return undefined;
    }
    if (!isHttpsUrl(value.replace('{code}', 'code'))) {
      this.report(node!.offset, `${what} must be an https URL; "${truncate(value)}" is not.`);
      return undefined;
    }
    return value;
  }

  /** A calendar date written as YYYY-MM-DD that exists (no 2026-02-30). */
  private isoDate(node: Node, parent: Node, what: string): string | undefined {
    const value = this.string(node, parent, what, ISO_DATE, 'a date written as YYYY-MM-DD');
    if (value === undefined) {
      return undefined;
    }
    if (!isCalendarDate(value)) {
      this.report(node.offset, `${what} "${value}" is not a date that exists.`);
      return undefined;
    }
    return value;
  }

  private localized(node: Node | undefined, parent: Node, what: string, required: boolean): Partial<Record<LanguageTag, string>> | undefined {
    if (!node) {
      if (required) {
        this.report(parent.offset, `${what} is missing.`);
      }
      return undefined;
    }
    if (node.type !== 'object') {
      this.report(node.offset, `${what} must be an object of texts keyed by language (${LANGUAGE_TAGS.join(', ')}).`);
      return undefined;
    }
    const result: Partial<Record<LanguageTag, string>> = {};
    for (const [language, valueNode] of this.properties(node, new Set(LANGUAGE_TAGS), what)) {
      const value = this.string(valueNode, node, `${what} (${language})`);
      if (value !== undefined) {
        result[language as LanguageTag] = value;
      }
    }
    if (Object.keys(result).length === 0) {
      this.report(node.offset, `${what} has no text in any language.`);
      return undefined;
    }
    return result;
  }

  private languages(node: Node | undefined, parent: Node): LanguageTag[] | undefined {
    const values = node ? this.stringList(node, '"languages"') : undefined;
    if (!values || values.length === 0) {
      this.report(node?.offset ?? parent.offset, `"languages" must list at least one of ${LANGUAGE_TAGS.join(', ')}.`);
      return undefined;
    }
    const unknown = values.filter((value) => !(LANGUAGE_TAGS as readonly string[]).includes(value));
    if (unknown.length > 0) {
      // At the unknown language itself, which may stand on a line of its own.
      const item = node!.children?.find((child) => child.value === unknown[0]);
      this.report((item ?? node!).offset, `Unknown language "${truncate(unknown[0])}"; use ${LANGUAGE_TAGS.join(' or ')}.`);
      return undefined;
    }
    return values as LanguageTag[];
  }

  private sources(node: Node | undefined, parent: Node): CatalogFile['sources'] | undefined {
    if (!node || node.type !== 'array' || (node.children ?? []).length === 0) {
      this.report(node?.offset ?? parent.offset, '"sources" must list the page(s) the catalog was captured from.');
      return undefined;
    }
    const sources: CatalogFile['sources'] = [];
    for (const child of node.children ?? []) {
      if (child.type !== 'object') {
        this.report(child.offset, 'A source is an object with "language" and "url".');
        continue;
      }
      const props = this.properties(child, new Set(['language', 'url', 'title', 'updated', 'captured']), 'source');
      const language = this.string(props.get('language'), child, 'A source\'s "language"');
      const url = this.url(props.get('url'), child, 'A source\'s "url"');
      if (!language || !(LANGUAGE_TAGS as readonly string[]).includes(language) || !url) {
        if (language && !(LANGUAGE_TAGS as readonly string[]).includes(language)) {
          this.report(child.offset, `Unknown language "${truncate(language)}" in a source.`);
        }
        continue;
      }
      const title = props.get('title') ? this.string(props.get('title'), child, 'A source\'s "title"') : undefined;
      const updated = props.get('updated') ? this.string(props.get('updated'), child, 'A source\'s "updated"') : undefined;
      const captured = props.get('captured') ? this.isoDate(props.get('captured')!, child, 'A source\'s "captured"') : undefined;
      sources.push({
        language: language as LanguageTag,
        url,
        ...(title ? { title } : {}),
        ...(updated ? { updated } : {}),
        ...(captured ? { captured } : {}),
      });
    }
    return sources.length > 0 ? sources : undefined;
  }

  private documentation(node: Node): CatalogFile['documentation'] {
    if (node.type !== 'object') {
      this.report(node.offset, '"documentation" must be an object.');
      return undefined;
    }
    const props = this.properties(node, new Set(['codeUrlTemplate', 'relatedTables']), '"documentation"');
    const result: NonNullable<CatalogFile['documentation']> = {};
    if (props.has('codeUrlTemplate')) {
      const template = this.url(props.get('codeUrlTemplate'), node, '"codeUrlTemplate"');
      if (template) {
        result.codeUrlTemplate = template;
      }
    }
    const tables = props.get('relatedTables');
    if (tables) {
      result.relatedTables = [];
      for (const child of tables.type === 'array' ? tables.children ?? [] : []) {
        const tableProps = child.type === 'object' ? this.properties(child, new Set(['codePrefix', 'url', 'title']), 'related table') : new Map<string, Node>();
        const codePrefix = this.string(tableProps.get('codePrefix'), child, '"codePrefix"', /^[A-Za-z][A-Za-z0-9_]*$/, 'letters, digits and _');
        const url = this.url(tableProps.get('url'), child, 'A related table\'s "url"');
        const title = this.localized(tableProps.get('title'), child, 'A related table\'s "title"', true);
        if (codePrefix && url && title) {
          result.relatedTables.push({ codePrefix, url, title });
        }
      }
    }
    return result;
  }

  private errorBody(node: Node): CatalogFile['errorBody'] {
    if (node.type !== 'object') {
      this.report(node.offset, '"errorBody" must be an object with "codeKeys" and "messageKeys".');
      return undefined;
    }
    const props = this.properties(node, new Set(['codeKeys', 'messageKeys']), '"errorBody"');
    const codeKeys = props.get('codeKeys') ? this.stringList(props.get('codeKeys')!, '"codeKeys"') : [];
    const messageKeys = props.get('messageKeys') ? this.stringList(props.get('messageKeys')!, '"messageKeys"') : [];
    return { codeKeys: codeKeys ?? [], messageKeys: messageKeys ?? [] };
  }

  private origin(node: Node): CatalogOrigin | undefined {
    if (node.type !== 'object') {
      this.report(node.offset, '"origin" must be an object with at least "provider" and "product".');
      return undefined;
    }
    const props = this.properties(node, ORIGIN_KEYS, '"origin"');
    const provider = this.string(props.get('provider'), node, '"origin.provider"', ORIGIN_ID, 'lower-case letters, digits and dashes');
    const product = this.string(props.get('product'), node, '"origin.product"', ORIGIN_ID, 'lower-case letters, digits and dashes');
    if (provider === undefined || product === undefined) {
      return undefined;
    }
    const origin: CatalogOrigin = { provider, product };
    for (const key of ORIGIN_LISTS) {
      const list = props.get(key);
      if (!list) {
        continue;
      }
      const values = (this.stringList(list, `"origin.${key}"`) ?? []).filter((value, index) => {
        const item = list.children?.[index] ?? list;
        if (value.trim().length < 2 || value.length > 200) {
          this.report(item.offset, `An item of "origin.${key}" must be 2 to 200 characters long.`);
          return false;
        }
        if ((key === 'hosts' || key === 'providerHosts') && !HOST_PATTERN.test(value)) {
          this.report(item.offset, `"${truncate(value)}" in "origin.${key}" must be a host name, with {region} or {product} for a part of it.`);
          return false;
        }
        if (key === 'providerLinks' && !LINK_PATTERN.test(value)) {
          this.report(item.offset, `"${truncate(value)}" in "origin.providerLinks" must be a host name and a path ending in "/", without the scheme, with {product} in the path.`);
          return false;
        }
        if (key === 'apiPaths' && !value.startsWith('/')) {
          this.report(item.offset, `"${truncate(value)}" in "origin.apiPaths" must start with "/".`);
          return false;
        }
        return true;
      });
      origin[key] = values;
    }
    return origin;
  }

  private families(node: Node): CodeFamily[] | undefined {
    if (node.type !== 'array') {
      this.report(node.offset, '"families" must be an array of code families.');
      return undefined;
    }
    const families: CodeFamily[] = [];
    for (const child of node.children ?? []) {
      if (child.type !== 'object') {
        this.report(child.offset, 'A code family is an object with "prefix" and "shape".');
        continue;
      }
      const props = this.properties(child, new Set(['prefix', 'shape', 'url', 'title']), 'code family');
      const prefix = this.string(props.get('prefix'), child, 'A family\'s "prefix"', /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*\.$/, 'letters, digits and _ ending in a dot (e.g. "AIS.")');
      const shape = this.string(props.get('shape'), child, 'A family\'s "shape"', /^(?:digits|names)$/, 'digits or names');
      const url = props.has('url') ? this.url(props.get('url'), child, 'A family\'s "url"') : undefined;
      const title = props.has('title') ? this.localized(props.get('title'), child, 'A family\'s "title"', false) : undefined;
      if (prefix === undefined || shape === undefined || (props.has('url') && url === undefined)) {
        continue;
      }
      families.push({ prefix, shape: shape as CodeFamily['shape'], ...(url ? { url } : {}), ...(title ? { title } : {}) });
    }
    return families;
  }

  private stringList(node: Node, what: string): string[] | undefined {
    if (node.type !== 'array') {
      this.report(node.offset, `${what} must be an array of strings.`);
      return undefined;
    }
    const values: string[] = [];
    for (const child of node.children ?? []) {
      const value = this.string(child, node, `An item of ${what}`);
      if (value !== undefined) {
        values.push(value);
      }
    }
    return values;
  }

  private entry(node: Node): CatalogEntryData | undefined {
    if (node.type !== 'object') {
      this.report(node.offset, 'An entry is an object with at least a "code".');
      return undefined;
    }
    const problemsBefore = this.problemCount;
    const props = this.properties(node, ENTRY_KEYS, 'entry');
    const code = this.string(props.get('code'), node, 'An entry\'s "code"', CODE_SHAPE, 'letters, digits, "_" and "." with {Placeholder}s');
    if (code === undefined) {
      return undefined;
    }
    const entry: CatalogEntryData = { code };
    for (const placeholder of codePlaceholders(code)) {
      if (!(CODE_PLACEHOLDERS as readonly string[]).includes(placeholder)) {
        this.report(props.get('code')!.offset, `Unknown placeholder {${truncate(placeholder)}} in code ${truncate(code)}; known ones are ${CODE_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}.`);
        return undefined;
      }
    }
    const status = props.get('httpStatus');
    if (status) {
      if (status.type !== 'number' || !Number.isInteger(status.value) || status.value < 100 || status.value > 599) {
        this.report(status.offset, `Entry ${code}: "httpStatus" must be a whole number from 100 to 599.`);
        return undefined;
      }
      entry.httpStatus = status.value;
    }
    for (const field of TEXT_FIELDS) {
      if (props.has(field)) {
        const text = this.localized(props.get(field), node, `Entry ${code}: "${field}"`, false);
        if (!text) {
          return undefined;
        }
        entry[field] = text;
      }
    }
    const variables = props.get('messageVariables');
    if (variables) {
      const list = this.stringList(variables, `Entry ${code}: "messageVariables"`) ?? [];
      for (const variable of list) {
        // At the variable itself, which may stand on a line of its own.
        const item = variables.children?.find((child) => child.value === variable) ?? variables;
        if (!MESSAGE_VARIABLES.has(variable)) {
          this.report(item.offset, `Entry ${code}: unknown message variable "${truncate(variable)}"; known ones are XX, XXX and xxx.`);
          return undefined;
        }
        if (!Object.values(entry.message ?? {}).some((message) => message?.includes(variable))) {
          this.report(item.offset, `Entry ${code}: the message variable "${variable}" does not occur in the message.`);
          return undefined;
        }
      }
      entry.messageVariables = list;
    }
    for (const [language, message] of Object.entries(entry.message ?? {})) {
      for (const placeholder of message ? codePlaceholders(message) : []) {
        // A listed message variable may stand in braces, as a page writes it (`supported: {xxx}`).
        if (!(CODE_PLACEHOLDERS as readonly string[]).includes(placeholder) && !entry.messageVariables?.includes(placeholder)) {
          // At the message text itself, which may stand on a line of its own.
          const text = findNodeAtLocation(props.get('message')!, [language]) ?? props.get('message')!;
          this.report(text.offset, `Entry ${code}: unknown placeholder {${truncate(placeholder)}} in the message.`);
          return undefined;
        }
      }
    }
    const kind = props.get('kind');
    if (kind) {
      const value = this.string(kind, node, `Entry ${code}: "kind"`, /^(?:error|commonError|success)$/, 'error, commonError or success');
      if (!value) {
        return undefined;
      }
      entry.kind = value as CatalogEntryData['kind'];
    }
    const translations = props.get('translations');
    if (translations) {
      const value = getNodeValue(translations) as unknown;
      if (!isTranslations(value)) {
        this.report(translations.offset, `Entry ${code}: "translations" maps message, description, cause or solution to texts keyed by language.`);
        return undefined;
      }
      entry.translations = value;
    }
    const repairs = props.get('repairs');
    if (repairs) {
      entry.repairs = this.stringList(repairs, `Entry ${code}: "repairs"`);
    }
    return this.problemCount === problemsBefore ? entry : undefined;
  }
}

function isTranslations(value: unknown): value is NonNullable<CatalogEntryData['translations']> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  return Object.entries(value).every(
    ([field, texts]) =>
      ['message', 'description', 'cause', 'solution'].includes(field) &&
      texts !== null &&
      typeof texts === 'object' &&
      Object.entries(texts).every(
        ([language, text]) => (LANGUAGE_TAGS as readonly string[]).includes(language) && typeof text === 'string' && text.length <= MAX_TEXT_LENGTH,
      ),
  );
}

/** Whether a YYYY-MM-DD text names a day of the calendar. */
export function isCalendarDate(text: string): boolean {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const charCode = text.charCodeAt(index);
    if (charCode === 10 || (charCode === 13 && text.charCodeAt(index + 1) !== 10)) {
      starts.push(index + 1);
    }
  }
  return starts;
}

function toLineColumn(lineStarts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return { line: low + 1, column: offset - lineStarts[low] + 1 };
}
