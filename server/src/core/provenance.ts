/*
 * Where a catalog's text comes from: its source page in the display language and that page's
 * date, said in one quiet line at the end of a hover ("Huawei Cloud OCR error codes, page updated
 * 2022-10-29").
 */
import { CatalogFile, CatalogSource, LanguageTag } from './catalogModel';
import { pickText } from './codeIndex';
import { stringsFor } from './strings';

type CatalogHeader = Pick<CatalogFile, 'id' | 'provider' | 'service' | 'sources'>;

/** What the catalog listings (`errorCodebook/catalogStatus`, `error-codebook catalogs`) say of a catalog. */
export interface CatalogOverview {
  id: string;
  file: string;
  entries: number;
  provider: string;
  service: string;
  sources: CatalogSource[];
  provenance?: string;
}

/** A loaded catalog as the listings show it, in the display language. */
export function catalogOverview(catalog: CatalogFile, file: string, language: LanguageTag): CatalogOverview {
  const provenance = provenanceLine(catalog, language);
  return {
    id: catalog.id,
    file,
    entries: catalog.entries.length,
    provider: pickText(catalog.provider, language) ?? catalog.id,
    service: pickText(catalog.service, language) ?? '',
    sources: catalog.sources.map((source) => ({ ...source })),
    ...(provenance ? { provenance } : {}),
  };
}

/** The source page to name for a display language: the page in that language, else the first one. */
export function sourceFor(catalog: Pick<CatalogFile, 'sources'>, language: LanguageTag): CatalogSource | undefined {
  return catalog.sources.find((source) => source.language === language) ?? catalog.sources[0];
}

/** The day a page's "updated" text names (`2022-10-29 GMT+08:00` → `2022-10-29`), or the text itself. */
export function updatedDay(updated: string): string {
  return /[0-9]{4}-[0-9]{2}-[0-9]{2}/.exec(updated)?.[0] ?? updated;
}

/**
 * The hover's last line for a catalog: the page's own "updated" date where it states one, else the
 * day the project captured it; nothing when the source has neither.
 */
export function provenanceLine(catalog: CatalogHeader, language: LanguageTag): string | undefined {
  const source = sourceFor(catalog, language);
  if (!source) {
    return undefined;
  }
  const strings = stringsFor(language);
  const name = strings.catalogName(pickText(catalog.provider, language) ?? catalog.id, pickText(catalog.service, language) ?? '');
  if (source.updated) {
    return strings.pageUpdated(name, updatedDay(source.updated));
  }
  if (source.captured) {
    return strings.pageCaptured(name, source.captured);
  }
  return undefined;
}
