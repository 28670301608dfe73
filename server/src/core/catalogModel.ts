/*
 * The shape of a catalog file (catalogs/*.json) and of the entries the rest of the core works with.
 * catalogs/schema/catalog.schema.json is the published form of the same contract; keep them in step.
 */

/** The languages catalog text can be written in. */
export const LANGUAGE_TAGS = ['en', 'zh-cn'] as const;
export type LanguageTag = (typeof LANGUAGE_TAGS)[number];

/**
 * Text keyed by the language of the source page it was captured from.
 * A message is what the service returns, so it is usually English even under "zh-cn".
 */
export type LocalizedText = Partial<Record<LanguageTag, string>>;

/** The current catalog format version. */
export const CATALOG_FORMAT_VERSION = 1;

/** Placeholders that may stand in a code template, each binding one name without dots. */
export const CODE_PLACEHOLDERS = ['ParameterName', 'ResourceType'] as const;

/**
 * Variable parts that may stand in a message. `%s` and `{Name}` are always variable; the literal-looking
 * ones (`XX`, `XXX`, `xxx`) are variable only where an entry lists them in `messageVariables`.
 */
export const MESSAGE_VARIABLE_TOKENS = ['%s', 'XX', 'XXX', 'xxx', '{ParameterName}', '{ResourceType}'] as const;

/** One public page a catalog was captured from. */
export interface CatalogSource {
  language: LanguageTag;
  url: string;
  title?: string;
  /** The page's own "updated" date, as it states it. */
  updated?: string;
  /** When the project captured the page, as an ISO date (`2026-11-22`). */
  captured?: string;
}

/** A table that documents codes of a given prefix which this catalog does not hold. */
export interface RelatedTable {
  codePrefix: string;
  url: string;
  title: LocalizedText;
}

export interface CatalogDocumentation {
  /** A URL that documents any code of this catalog; `{code}` is replaced by the URL-encoded code. */
  codeUrlTemplate?: string;
  relatedTables?: RelatedTable[];
}

/** The JSON keys under which this provider's error bodies carry the code and the message. */
export interface ErrorBodyShape {
  codeKeys: string[];
  messageKeys: string[];
}

export interface CatalogEntryData {
  /** The code as documented; `{ParameterName}`-style placeholders make it a template. */
  code: string;
  /** The HTTP status the service answers with, where the source gives one. */
  httpStatus?: number;
  /** The module column of the source (e.g. OCR, Platform, APIG). */
  module?: LocalizedText;
  /** The message exactly as the service returns it, per source page. */
  message?: LocalizedText;
  /** Literal-looking tokens in the message that are variable parts (`XX`, `xxx`, …). */
  messageVariables?: string[];
  description?: LocalizedText;
  /** Why it happens (used by IMM's table of common errors). */
  cause?: LocalizedText;
  solution?: LocalizedText;
  /** `error` for the error-code tables, `commonError` for a table of common errors, `success` for 2xx codes. */
  kind?: 'error' | 'commonError' | 'success';
  /** Translations added by the project, never captured from the source; shown marked as such. */
  translations?: Partial<Record<'message' | 'description' | 'cause' | 'solution', LocalizedText>>;
  /** What was repaired of capture damage in this entry, in full sentences. */
  repairs?: string[];
}

export interface CatalogFile {
  $schema?: string;
  version: number;
  /** A stable id, lower-case words joined by dashes, e.g. `huaweicloud-ocr`. */
  id: string;
  provider: LocalizedText;
  service: LocalizedText;
  languages: LanguageTag[];
  sources: CatalogSource[];
  /**
   * `service` (the default) for a service's own table; `gateway` for the table of a gateway in front
   * of many services (Huawei's API Gateway), whose entries rank after a service's when evidence ties.
   */
  scope?: 'service' | 'gateway';
  documentation?: CatalogDocumentation;
  errorBody?: ErrorBodyShape;
  /** What was repaired of capture damage across the catalog, in full sentences. */
  repairs?: string[];
  entries: CatalogEntryData[];
}
