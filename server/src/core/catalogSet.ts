/*
 * Loads a set of catalog texts into one index, reporting every problem and keeping every good catalog.
 */
import { CatalogFile } from './catalogModel';
import { CatalogProblem, parseCatalogText } from './catalogLoader';
import { CodeIndex } from './codeIndex';

export interface CatalogText {
  file: string;
  text: string;
}

export interface LoadedCatalogs {
  index: CodeIndex;
  catalogs: { catalog: CatalogFile; file: string }[];
  problems: CatalogProblem[];
  /** The catalogs turned off by id (errorCodebook.catalogs.disabled) that were left out, with their files. */
  disabled: { id: string; file: string }[];
}

/** Loads catalog texts; a catalog whose id is in `disabled` is read and checked, but left out of the index. */
export function loadCatalogs(texts: readonly CatalogText[], earlierProblems: readonly CatalogProblem[] = [], disabled: readonly string[] = []): LoadedCatalogs {
  const problems = [...earlierProblems];
  const catalogs: { catalog: CatalogFile; file: string }[] = [];
  const left: { id: string; file: string }[] = [];
  const turnedOff = new Set(disabled);
  const byId = new Map<string, string>();
  for (const { file, text } of texts) {
    const parsed = parseCatalogText(text, file);
    problems.push(...parsed.problems);
    if (!parsed.catalog) {
      continue;
    }
    if (turnedOff.has(parsed.catalog.id)) {
      left.push({ id: parsed.catalog.id, file });
      continue;
    }
    const earlier = byId.get(parsed.catalog.id);
    if (earlier !== undefined) {
      const { line, column } = parsed.idPosition ?? { line: 1, column: 1 };
      problems.push({ file, line, column, message: `Catalog id "${parsed.catalog.id}" is already used by ${earlier}; this catalog is left out.` });
      continue;
    }
    byId.set(parsed.catalog.id, file);
    catalogs.push({ catalog: parsed.catalog, file });
  }
  return { index: new CodeIndex(catalogs), catalogs, problems, disabled: left };
}
