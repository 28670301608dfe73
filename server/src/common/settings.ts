/*
 * The one source of truth for Error Codebook's settings: names, defaults and scopes.
 * The server reads its defaults here, the client reads them here, and a test checks that
 * package.json's contributes.configuration says the same.
 */

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface SeverityByStatus {
  /** HTTP 5xx codes. */
  serverError: SeverityName;
  /** HTTP 4xx codes. */
  clientError: SeverityName;
  /** Codes whose catalogs give no HTTP status. */
  unknownStatus: SeverityName;
  /** HTTP 2xx codes such as IMM's NoError. */
  success: SeverityName;
}

export interface ErrorCodebookSettings {
  /** `auto` follows the editor's display language. */
  displayLanguage: 'auto' | 'en' | 'zh-cn';
  /** Language ids of the documents that are scanned. */
  'scan.languages': string[];
  /** Glob patterns of documents that are scanned whatever their language. */
  'scan.include': string[];
  /** Glob patterns of documents that are never scanned. */
  'scan.exclude': string[];
  /** Documents larger than this many megabytes are not scanned in the editor; the on-disk scan is offered instead. */
  'scan.maxFileSizeMB': number;
  /**
   * Saved files larger than this many megabytes are read by the server from disk instead of being
   * sent to it as text, until they are edited; 0 always sends the text.
   */
  'scan.readFromDiskAboveMB': number;
  'diagnostics.logs': boolean;
  'diagnostics.json': boolean;
  'diagnostics.source': boolean;
  /** Markdown (READMEs, docs) is scanned for hovers and links; its codes are examples, not errors, unless this says so. */
  'diagnostics.markdown': boolean;
  'diagnostics.severity': SeverityByStatus;
  /** The most diagnostics published for one document, most severe first. */
  'diagnostics.maxPerFile': number;
  /** Extra folders (or files) of catalogs, loaded after the built-in ones. */
  catalogPaths: string[];
  /** What the end of a line with codes says: nothing, their meaning in a few words, or all of it. */
  inlineMeaning: 'off' | 'short' | 'full';
  /** Codes that give no diagnostics and no meaning at the line's end ("Ignore this code" adds to it). */
  ignoredCodes: string[];
  /** Severities of particular codes, as they appear in the text; they win over `diagnostics.severity`. */
  'diagnostics.severityByCode': Record<string, SeverityName>;
  /** Ids of catalogs that are not loaded (`huaweicloud-apig`, …). */
  'catalogs.disabled': string[];
}

export type SettingScope = 'window' | 'resource' | 'machine-overridable';

export interface SettingDescriptor<K extends keyof ErrorCodebookSettings> {
  key: K;
  default: ErrorCodebookSettings[K];
  scope: SettingScope;
}

/** Every setting, with its default and scope. The full name is `errorCodebook.<key>`. */
export const SETTINGS: { [K in keyof ErrorCodebookSettings]: SettingDescriptor<K> } = {
  displayLanguage: { key: 'displayLanguage', default: 'auto', scope: 'window' },
  'scan.languages': {
    key: 'scan.languages',
    default: [
      'log', 'json', 'jsonc', 'jsonl', 'plaintext',
      'typescript', 'javascript', 'typescriptreact', 'javascriptreact',
      'python', 'java', 'go', 'csharp', 'php', 'ruby', 'kotlin', 'rust', 'cpp', 'c', 'shellscript', 'yaml',
      'markdown',
    ],
    scope: 'resource',
  },
  'scan.include': { key: 'scan.include', default: ['**/*.log', '**/*.log.[0-9]', '**/*.out'], scope: 'resource' },
  'scan.exclude': { key: 'scan.exclude', default: ['**/node_modules/**', '**/.git/**'], scope: 'resource' },
  'scan.maxFileSizeMB': { key: 'scan.maxFileSizeMB', default: 50, scope: 'resource' },
  'scan.readFromDiskAboveMB': { key: 'scan.readFromDiskAboveMB', default: 2, scope: 'resource' },
  'diagnostics.logs': { key: 'diagnostics.logs', default: true, scope: 'resource' },
  'diagnostics.json': { key: 'diagnostics.json', default: true, scope: 'resource' },
  'diagnostics.source': { key: 'diagnostics.source', default: false, scope: 'resource' },
  'diagnostics.markdown': { key: 'diagnostics.markdown', default: false, scope: 'resource' },
  'diagnostics.severity': {
    key: 'diagnostics.severity',
    default: { serverError: 'error', clientError: 'warning', unknownStatus: 'warning', success: 'hint' },
    scope: 'resource',
  },
  'diagnostics.maxPerFile': { key: 'diagnostics.maxPerFile', default: 1000, scope: 'resource' },
  catalogPaths: { key: 'catalogPaths', default: [], scope: 'machine-overridable' },
  inlineMeaning: { key: 'inlineMeaning', default: 'short', scope: 'resource' },
  ignoredCodes: { key: 'ignoredCodes', default: [], scope: 'resource' },
  'diagnostics.severityByCode': { key: 'diagnostics.severityByCode', default: {}, scope: 'resource' },
  'catalogs.disabled': { key: 'catalogs.disabled', default: [], scope: 'window' },
};

/** The configuration section every setting lives under. */
export const SETTINGS_SECTION = 'errorCodebook';

/** A fresh copy of the defaults. */
export function defaultSettings(): ErrorCodebookSettings {
  const settings = {} as Record<string, unknown>;
  for (const descriptor of Object.values(SETTINGS)) {
    settings[descriptor.key] = structuredClone(descriptor.default);
  }
  return settings as unknown as ErrorCodebookSettings;
}

/** The display languages a setting may name, besides `auto`. */
export type DisplayLanguageSetting = ErrorCodebookSettings['displayLanguage'];

/**
 * A display language as people write it, in the form the server uses: `zh-CN`, `zh`, `zh-Hans`,
 * `zh_cn` → `zh-cn`; `en-US`, `en-GB`, `EN` → `en`; `auto` stays. Undefined for anything else.
 */
export function normaliseDisplayLanguage(value: string): DisplayLanguageSetting | undefined {
  const tag = value.trim().toLowerCase().replace(/_/g, '-');
  if (tag === 'auto') {
    return 'auto';
  }
  if (/^zh(?:-|$)/.test(tag)) {
    return 'zh-cn';
  }
  if (/^en(?:-|$)/.test(tag)) {
    return 'en';
  }
  return undefined;
}

/**
 * The display language: the setting when it names one, else the editor's or the system's locale
 * (`zh-CN`, `zh_CN.UTF-8`, `en-US`), Chinese for any Chinese one. The server, the command line and
 * the extension's own words all follow this one rule, so they never disagree.
 */
export function displayLanguageOf(setting: DisplayLanguageSetting | undefined, locale: string | undefined): Exclude<DisplayLanguageSetting, 'auto'> {
  if (setting !== undefined && setting !== 'auto') {
    return setting;
  }
  return locale !== undefined && /^zh(?:[-_.@]|$)/i.test(locale.trim()) ? 'zh-cn' : 'en';
}

const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Receives one sentence for each value that was not used (it fell back to its default). */
export type SettingsProblemSink = (message: string) => void;

/**
 * Merges what a client sent (nested as VS Code sends it, or flat with dotted keys) over the defaults.
 * Each value is checked; one that cannot be used falls back to its default and is reported to
 * `report`, so a bad setting never breaks the server.
 */
export function resolveSettings(raw: unknown, report: SettingsProblemSink = () => undefined): ErrorCodebookSettings {
  const settings = defaultSettings();
  if (raw === null || typeof raw !== 'object') {
    return settings;
  }
  const read = <K extends keyof ErrorCodebookSettings>(key: K, check: (value: unknown) => ErrorCodebookSettings[K] | undefined, expected: string) => {
    const value = lookup(raw as Record<string, unknown>, key);
    if (value === undefined || value === null) {
      return;
    }
    const checked = check(value);
    if (checked === undefined) {
      report(`Setting ${SETTINGS_SECTION}.${key}: ${describe(value)} is not ${expected}; using the default ${JSON.stringify(SETTINGS[key].default)}.`);
    } else {
      settings[key] = checked;
    }
  };
  read('displayLanguage', (value) => (typeof value === 'string' ? normaliseDisplayLanguage(value) : undefined), 'a display language (auto, en or zh-cn)');
  for (const key of ['scan.languages', 'scan.include', 'scan.exclude', 'catalogPaths', 'ignoredCodes', 'catalogs.disabled'] as const) {
    read(key, (value) => (Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...(value as string[])] : undefined), 'a list of strings');
  }
  for (const key of ['scan.maxFileSizeMB', 'scan.readFromDiskAboveMB'] as const) {
    read(key, (value) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined), 'a number of megabytes, 0 or more');
  }
  for (const key of ['diagnostics.logs', 'diagnostics.json', 'diagnostics.source', 'diagnostics.markdown'] as const) {
    read(key, (value) => (typeof value === 'boolean' ? value : undefined), 'true or false');
  }
  read('inlineMeaning', (value) => oneOf(value, ['off', 'short', 'full'] as const), 'one of off, short, full');
  read('diagnostics.maxPerFile', (value) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined), 'a whole number, 0 or more');
  const severity = lookup(raw as Record<string, unknown>, 'diagnostics.severity');
  if (severity !== undefined && severity !== null) {
    settings['diagnostics.severity'] = resolveSeverity(severity, report);
  }
  const byCode = lookup(raw as Record<string, unknown>, 'diagnostics.severityByCode');
  if (byCode !== undefined && byCode !== null) {
    settings['diagnostics.severityByCode'] = resolveSeverityByCode(byCode, report);
  }
  return settings;
}

/** Severities by code: each value one of the severity names; a bad one is left out and reported. */
function resolveSeverityByCode(value: unknown, report: SettingsProblemSink): Record<string, SeverityName> {
  const name = `${SETTINGS_SECTION}.diagnostics.severityByCode`;
  // No prototype: a code named "__proto__" or "constructor" is a code like any other.
  const severities = Object.create(null) as Record<string, SeverityName>;
  if (!isPlainObject(value)) {
    report(`Setting ${name}: ${describe(value)} is not an object of codes and severities; using none.`);
    return severities;
  }
  for (const [code, level] of Object.entries(value)) {
    const normalised = typeof level === 'string' ? level.trim().toLowerCase() : undefined;
    if (code.trim() === '') {
      report(`Setting ${name}: an empty code is ignored.`);
    } else if (normalised !== undefined && (SEVERITY_NAMES as readonly string[]).includes(normalised)) {
      severities[code.trim()] = normalised as SeverityName;
    } else {
      report(`Setting ${name}.${code}: ${describe(level)} is not one of ${SEVERITY_NAMES.join(', ')}; it is ignored.`);
    }
  }
  return severities;
}

function resolveSeverity(value: unknown, report: SettingsProblemSink): SeverityByStatus {
  const severity = { ...SETTINGS['diagnostics.severity'].default };
  const name = `${SETTINGS_SECTION}.diagnostics.severity`;
  if (!isPlainObject(value)) {
    report(`Setting ${name}: ${describe(value)} is not an object of severities; using the defaults.`);
    return severity;
  }
  for (const [kind, level] of Object.entries(value)) {
    if (!Object.prototype.hasOwnProperty.call(severity, kind)) {
      report(`Setting ${name}: "${kind}" is not a kind of status (serverError, clientError, unknownStatus, success); it is ignored.`);
      continue;
    }
    const normalised = typeof level === 'string' ? level.trim().toLowerCase() : undefined;
    if (normalised !== undefined && (SEVERITY_NAMES as readonly string[]).includes(normalised)) {
      severity[kind as keyof SeverityByStatus] = normalised as SeverityName;
    } else {
      report(`Setting ${name}.${kind}: ${describe(level)} is not one of ${SEVERITY_NAMES.join(', ')}; using "${severity[kind as keyof SeverityByStatus]}".`);
    }
  }
  return severity;
}

/** A value as a warning quotes it, kept short. */
function describe(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function lookup(raw: Record<string, unknown>, dottedKey: string): unknown {
  if (Object.prototype.hasOwnProperty.call(raw, dottedKey)) {
    return raw[dottedKey];
  }
  let current: unknown = raw;
  for (const part of dottedKey.split('.')) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    if (!Object.prototype.hasOwnProperty.call(current, part)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** The value, trimmed and in lower case, when it is one of `names`. */
function oneOf<T extends string>(value: unknown, names: readonly T[]): T | undefined {
  const normalised = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  return names.find((name) => name === normalised);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
