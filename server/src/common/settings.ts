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
  'diagnostics.logs': boolean;
  'diagnostics.json': boolean;
  'diagnostics.source': boolean;
  'diagnostics.severity': SeverityByStatus;
  /** The most diagnostics published for one document, most severe first. */
  'diagnostics.maxPerFile': number;
  /** Extra folders (or files) of catalogs, loaded after the built-in ones. */
  catalogPaths: string[];
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
    ],
    scope: 'resource',
  },
  'scan.include': { key: 'scan.include', default: ['**/*.log', '**/*.log.[0-9]', '**/*.out'], scope: 'resource' },
  'scan.exclude': { key: 'scan.exclude', default: ['**/node_modules/**', '**/.git/**'], scope: 'resource' },
  'scan.maxFileSizeMB': { key: 'scan.maxFileSizeMB', default: 50, scope: 'resource' },
  'diagnostics.logs': { key: 'diagnostics.logs', default: true, scope: 'resource' },
  'diagnostics.json': { key: 'diagnostics.json', default: true, scope: 'resource' },
  'diagnostics.source': { key: 'diagnostics.source', default: false, scope: 'resource' },
  'diagnostics.severity': {
    key: 'diagnostics.severity',
    default: { serverError: 'error', clientError: 'warning', unknownStatus: 'warning', success: 'hint' },
    scope: 'resource',
  },
  'diagnostics.maxPerFile': { key: 'diagnostics.maxPerFile', default: 1000, scope: 'resource' },
  catalogPaths: { key: 'catalogPaths', default: [], scope: 'machine-overridable' },
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

/**
 * Merges what a client sent (nested as VS Code sends it, or flat with dotted keys) over the defaults.
 * Values of the wrong type are ignored, so a bad setting never breaks the server.
 */
export function resolveSettings(raw: unknown): ErrorCodebookSettings {
  const settings = defaultSettings() as unknown as Record<string, unknown>;
  if (raw === null || typeof raw !== 'object') {
    return settings as unknown as ErrorCodebookSettings;
  }
  for (const descriptor of Object.values(SETTINGS)) {
    const value = lookup(raw as Record<string, unknown>, descriptor.key);
    if (value !== undefined && sameShape(value, descriptor.default)) {
      settings[descriptor.key] = isPlainObject(descriptor.default)
        ? { ...(descriptor.default as object), ...(value as object) }
        : value;
    }
  }
  return settings as unknown as ErrorCodebookSettings;
}

function lookup(raw: Record<string, unknown>, dottedKey: string): unknown {
  if (dottedKey in raw) {
    return raw[dottedKey];
  }
  let current: unknown = raw;
  for (const part of dottedKey.split('.')) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sameShape(value: unknown, reference: unknown): boolean {
  if (Array.isArray(reference)) {
    return Array.isArray(value) && value.every((item) => typeof item === 'string');
  }
  if (isPlainObject(reference)) {
    return isPlainObject(value) && Object.entries(value).every(([key, item]) => typeof item === typeof reference[key]);
  }
  return typeof value === typeof reference && !(typeof value === 'number' && !Number.isFinite(value));
}
