/*
 * Turns the rows of an error-code table into catalog entries, in the table's order and in the
 * source's own words: each cell's text goes, unchanged, under the page's language.
 */
import { CODE_SHAPE } from '../catalogLoader';
import { CODE_PLACEHOLDERS, CatalogEntryData, LanguageTag } from '../catalogModel';
import { codePlaceholders } from '../codeTemplate';
import { ColumnField, TableColumns } from './columns';

/** A table as read from a page: its columns and its rows of cell texts ('' for an empty cell). */
export interface RawTable extends TableColumns {
  rows: string[][];
}

export interface TableEntries {
  entries: CatalogEntryData[];
  /** Rows left out because their code cell holds no code (e.g. a closing "其他" (other) row), as "code cell: rest". */
  skippedRows: string[];
}

/** Literal-looking tokens that are variable parts of a message wherever they stand alone. */
const LITERAL_VARIABLES = /(?<![A-Za-z])(XX|XXX|xxx)(?![A-Za-z])/g;

/** Whether a cell holds a code a catalog can carry: letters, digits, "_" and "." with known placeholders. */
export function isCatalogCode(text: string): boolean {
  return CODE_SHAPE.test(text) && codePlaceholders(text).every((name) => (CODE_PLACEHOLDERS as readonly string[]).includes(name));
}

/** The message variables of an entry: the standalone `XX`, `XXX` and `xxx` of its messages, in order of first appearance. */
export function messageVariablesOf(messages: readonly string[]): string[] {
  const found: string[] = [];
  for (const message of messages) {
    for (const match of message.matchAll(LITERAL_VARIABLES)) {
      if (!found.includes(match[1])) {
        found.push(match[1]);
      }
    }
  }
  return found;
}

/** A whole number from 100 to 599 standing alone in a status cell, or undefined. */
function httpStatusOf(text: string): number | undefined {
  const match = /^\s*([1-5][0-9]{2})\s*$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * The entries of a table. A table without a status column whose codes are all HTTP statuses (three
 * digits, 100–599, like the Cloud Marketplace's 400–503) answers with the code as the status.
 */
export function tableEntries(table: RawTable, language: LanguageTag): TableEntries {
  const column = (field: ColumnField) => table.fields.indexOf(field);
  const codeColumn = column('code');
  const statusColumn = column('httpStatus');
  const moduleColumn = column('module');
  const cell = (row: string[], index: number) => (index >= 0 ? (row[index] ?? '').trim() : '');
  const rows = table.rows.filter((row) => row.some((text) => text.trim().length > 0));
  const coded = rows.filter((row) => isCatalogCode(cell(row, codeColumn)));
  const codesAreStatuses = statusColumn < 0 && coded.length > 0 && coded.every((row) => httpStatusOf(cell(row, codeColumn)) !== undefined);
  const entries: CatalogEntryData[] = [];
  const skippedRows: string[] = [];
  let module = '';
  for (const row of rows) {
    // A module cell spans the rows below it until the next one; an empty cell continues it.
    module = cell(row, moduleColumn) || module;
    const code = cell(row, codeColumn);
    if (!isCatalogCode(code)) {
      skippedRows.push(row.map((text) => text.trim()).filter((text) => text.length > 0).join(' | '));
      continue;
    }
    const entry: CatalogEntryData = { code };
    if (table.commonErrors) {
      entry.kind = 'commonError';
    }
    const status = statusColumn >= 0 ? httpStatusOf(cell(row, statusColumn)) : codesAreStatuses ? httpStatusOf(code) : undefined;
    if (status !== undefined) {
      if (status < 300 && !table.commonErrors) {
        entry.kind = 'success';
      }
      entry.httpStatus = status;
    }
    if (module) {
      entry.module = { [language]: module };
    }
    const message = cell(row, column('message'));
    if (message) {
      entry.message = { [language]: message };
      const variables = messageVariablesOf([message]);
      if (variables.length > 0) {
        entry.messageVariables = variables;
      }
    }
    for (const field of ['description', 'cause', 'solution'] as const) {
      const text = cell(row, column(field));
      if (text) {
        entry[field] = { [language]: text };
      }
    }
    entries.push(entry);
  }
  return { entries, skippedRows };
}
