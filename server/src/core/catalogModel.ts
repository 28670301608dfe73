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

/**
 * Where a catalog's errors come from, and what in a text shows it. The detector reads these to
 * tell whose error a code is: this product's, another product's of the same provider, or another
 * cloud's. Patterns are plain text: `{region}` stands for a region id (`cn-north-4`), `{product}`
 * for a product's name in a host (`ecs`), `{project_id}` and other `{name}`s in API paths for one
 * path segment; nothing else is special.
 */
export interface CatalogOrigin {
  /** The provider's id, shared by all catalogs of that provider: `huaweicloud`, `alibabacloud`. */
  provider: string;
  /** The product's id within the provider, as its hosts name it: `ocr`, `image`, `imm`. */
  product: string;
  /** Host names of the product's endpoints, e.g. `ocr.{region}.myhuaweicloud.com`. */
  hosts?: string[];
  /** Host names of any product of the provider, with `{product}`: `{product}.{region}.aliyuncs.com`. */
  providerHosts?: string[];
  /**
   * Links to the provider's documentation whose path names a product, without the scheme, with
   * `{product}` for the product's part and `{name}` for any other: `support.huaweicloud.com/api-{product}/`.
   */
  providerLinks?: string[];
  /** Names of the product's SDK packages, modules, namespaces and client classes. */
  sdks?: string[];
  /** Names that show the provider's SDK or exception classes in general: `TeaException`, `huaweicloudsdkcore`. */
  providerSdks?: string[];
  /** API path prefixes of the product: `/v2/{project_id}/ocr/`. */
  apiPaths?: string[];
  /**
   * Keys that, next to a code under one of `errorBody.codeKeys`, make a body this provider's error
   * body: Alibaba's `RequestId`, `HostId`, `Recommend`; Huawei's `error_msg`, `request_id`.
   */
  bodyKeys?: string[];
  /** How the provider's own links and bodies name the product (`product=imm` in a Recommend link). */
  productNames?: string[];
  /**
   * How prose names the product (`OCR`, `文字识别`, `Intelligent Media Management`). A weak clue: it
   * tells apart the products of a provider the text shows, and never outweighs a host or an SDK.
   */
  names?: string[];
  /** How prose names the provider (`Huawei Cloud`, `华为云`, `Alibaba Cloud`, `阿里云`). A weak clue too. */
  providerNames?: string[];
}

/** A family of codes a provider documents: every code is the prefix and then digits, or names. */
export interface CodeFamily {
  /** The literal start of every code of the family, ending in a dot: `AIS.`, `InvalidParameter.`. */
  prefix: string;
  /** What follows the prefix: `digits` (`AIS.0101`) or `names` joined by dots (`InvalidParameter.Foo.TooLong`). */
  shape: 'digits' | 'names';
  /** Where the provider documents the family's codes, when this catalog does not hold them all. */
  url?: string;
  /** The title of that page. */
  title?: LocalizedText;
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
  /** Where the catalog's errors come from; without it, a catalog's codes are never attributed by context. */
  origin?: CatalogOrigin;
  /** The code families of the catalog's provider that this catalog knows. */
  families?: CodeFamily[];
  /** What was repaired of capture damage across the catalog, in full sentences. */
  repairs?: string[];
  entries: CatalogEntryData[];
}
