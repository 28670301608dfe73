/*
 * Reads error-code tables from plain-text captures of a page (the layouts of the project's seed
 * documents), where the table's borders are gone and only its text is left:
 * - pipe rows: `400 | AIS.0002 | message | 描述 | 处理措施 |`, a heading row of the same shape first;
 * - one row a line, cells separated by a space: `400 Invalid{ParameterName} Specified parameter … 参数不合法。`;
 * - one cell a paragraph: every cell on lines of its own, paragraphs separated by blank lines.
 * Which columns a table has is read from its heading row; rows start where a code stands.
 */
import { LanguageTag } from '../catalogModel';
import { ColumnField, TableColumns, columnField, splitHeadingLine, tableColumns } from './columns';
import { RawTable, isCatalogCode } from './tableEntries';

/** A line of a capture as it reads, with list items as "• …" and other lines trimmed. */
function cleanLine(line: string): string {
  const trimmed = line.trim();
  return /^[•·▪●◦]\s*/.test(trimmed) ? `• ${trimmed.replace(/^[•·▪●◦]\s*/, '')}` : trimmed;
}

function isListItem(line: string): boolean {
  return /^\s*[•·▪●◦]/.test(line);
}

/** The columns of a pipe heading row (`状态码 | 错误码 | … |`), or undefined. */
function pipeHeading(line: string): TableColumns | undefined {
  return line.includes('|') ? tableColumns(pipeCells(line)) : undefined;
}

function pipeCells(line: string): string[] {
  const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
  return cells;
}

/** The columns of a heading row whose cells are separated by spaces, or undefined. */
function lineHeading(line: string): TableColumns | undefined {
  if (line.includes('|')) {
    return undefined;
  }
  const headings = splitHeadingLine(line);
  return headings ? tableColumns(headings) : undefined;
}

/** Every error-code table of a text capture, in page order. */
export function textTables(text: string, language: LanguageTag): RawTable[] {
  const lines = text.split(/\r\n|\r|\n/);
  const tables: RawTable[] = [];
  let index = 0;
  while (index < lines.length) {
    const pipe = pipeHeading(lines[index]);
    if (pipe) {
      const { table, end } = readPipeTable(lines, index + 1, pipe);
      tables.push(table);
      index = end;
      continue;
    }
    const heading = lineHeading(lines[index]);
    if (heading && !isParagraphHeadingStart(lines, index)) {
      const { table, end } = readLineTable(lines, index + 1, heading, language);
      tables.push(table);
      index = end;
      continue;
    }
    const paragraphs = paragraphHeading(lines, index);
    if (paragraphs) {
      const { table, end } = readParagraphTable(lines, paragraphs.end, paragraphs.columns);
      tables.push(table);
      index = end;
      continue;
    }
    index++;
  }
  return tables.filter((table) => table.rows.length > 0);
}

// ---- Pipe rows ----------------------------------------------------------------------------------

function readPipeTable(lines: string[], start: number, columns: TableColumns): { table: RawTable; end: number } {
  const rows: string[][] = [];
  let index = start;
  for (; index < lines.length && lines[index].includes('|'); index++) {
    const cells = pipeCells(lines[index]);
    if (cells.every((cell) => /^:?-+:?$/.test(cell) || cell === '')) {
      continue;
    }
    rows.push(columns.fields.map((_, column) => cells[column] ?? ''));
  }
  return { table: { ...columns, rows }, end: index };
}

// ---- One row a line -----------------------------------------------------------------------------

/** Whether a line starts a row: the cells before the code (an HTTP status) and a code, then a space. */
function lineRowStart(line: string, columns: TableColumns): { cells: string[]; rest: string } | undefined {
  if (/^\s/.test(line)) {
    return undefined;
  }
  const codeColumn = columns.fields.indexOf('code');
  const words = line.split(' ');
  if (words.length <= codeColumn) {
    return undefined;
  }
  const before = words.slice(0, codeColumn + 1);
  const ok = before.every((word, column) => (columns.fields[column] === 'httpStatus' ? /^[1-5][0-9]{2}$/.test(word) : column === codeColumn ? isCatalogCode(word) : false));
  return ok ? { cells: before, rest: words.slice(codeColumn + 1).join(' ').trim() } : undefined;
}

/** Chinese characters and full-width punctuation. */
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/**
 * Splits the text after a row's code into the remaining cells. A message (which the service returns,
 * in English) ends where the Chinese of a Chinese page's next cell begins; any other cell ends at its
 * first sentence end followed by a space.
 */
function splitRest(rest: string, fields: ColumnField[], language: LanguageTag): string[] {
  const cells: string[] = [];
  let remaining = rest;
  for (let index = 0; index < fields.length - 1; index++) {
    let end = -1;
    if (fields[index] === 'message' && language === 'zh-cn') {
      const firstChinese = remaining.search(CHINESE);
      end = firstChinese < 0 ? -1 : remaining.lastIndexOf(' ', firstChinese);
    } else {
      const sentenceEnd = /[。！？.!?] /.exec(remaining);
      end = sentenceEnd ? sentenceEnd.index + 1 : -1;
    }
    if (end < 0) {
      cells.push(remaining.trim());
      remaining = '';
      continue;
    }
    cells.push(remaining.slice(0, end).trim());
    remaining = remaining.slice(end).trim();
  }
  cells.push(remaining.trim());
  return cells;
}

function nextNonBlank(lines: string[], from: number): number {
  let index = from;
  while (index < lines.length && lines[index].trim() === '') {
    index++;
  }
  return index;
}

function isAnyHeading(line: string): boolean {
  return pipeHeading(line) !== undefined || lineHeading(line) !== undefined;
}

function readLineTable(lines: string[], start: number, columns: TableColumns, language: LanguageTag): { table: RawTable; end: number } {
  const codeColumn = columns.fields.indexOf('code');
  const rows: { cells: string[]; more: string[] }[] = [];
  let index = start;
  for (; index < lines.length; index++) {
    const line = lines[index];
    if (line.trim() === '') {
      continue;
    }
    if (isAnyHeading(line)) {
      break;
    }
    const row = lineRowStart(line, columns);
    if (row) {
      rows.push({ cells: [...row.cells, ...splitRest(row.rest, columns.fields.slice(codeColumn + 1), language)], more: [] });
      continue;
    }
    // A line right before another table's heading is that table's title, not part of this one.
    const next = nextNonBlank(lines, index + 1);
    if (rows.length === 0 || (next < lines.length && isAnyHeading(lines[next]))) {
      break;
    }
    rows[rows.length - 1].more.push(line);
  }
  const last = rows[rows.length - 1];
  if (last && index >= lines.length) {
    // After the last row of the page, only list items continue its last cell; prose follows the table.
    const kept = last.more.findIndex((line) => !isListItem(line));
    if (kept >= 0) {
      last.more = last.more.slice(0, kept);
    }
  }
  const table: RawTable = {
    ...columns,
    rows: rows.map(({ cells, more }) => {
      const row = columns.fields.map((_, column) => cells[column] ?? '');
      const lastColumn = row.length - 1;
      row[lastColumn] = [row[lastColumn], ...more.map(cleanLine)].filter((text) => text.length > 0).join('\n');
      return row;
    }),
  };
  return { table, end: index };
}

// ---- One cell a paragraph -----------------------------------------------------------------------

interface Paragraph {
  /** The paragraph's lines, cleaned. */
  lines: string[];
  /** Where the paragraph starts and where the line after it is. */
  start: number;
  end: number;
}

/** The paragraph starting at a non-blank line: its lines up to the next blank line. */
function paragraphAt(lines: string[], start: number): Paragraph {
  let end = start;
  while (end < lines.length && lines[end].trim() !== '') {
    end++;
  }
  return { lines: lines.slice(start, end).map(cleanLine), start, end };
}

function paragraphsFrom(lines: string[], start: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let index = nextNonBlank(lines, start);
  while (index < lines.length) {
    const paragraph = paragraphAt(lines, index);
    paragraphs.push(paragraph);
    index = nextNonBlank(lines, paragraph.end);
  }
  return paragraphs;
}

/** A paragraph that is a single heading ("Error Code", "错误信息"), or undefined. */
function headingParagraph(lines: string[], index: number): { field: ColumnField; heading: string; end: number } | undefined {
  if (lines[index].trim() === '' || (index > 0 && lines[index - 1].trim() !== '')) {
    return undefined;
  }
  const paragraph = paragraphAt(lines, index);
  if (paragraph.lines.length !== 1) {
    return undefined;
  }
  const field = columnField(paragraph.lines[0]);
  return field ? { field, heading: paragraph.lines[0], end: paragraph.end } : undefined;
}

/** Whether a heading row in paragraphs starts here (so a one-word line is not read as a heading line). */
function isParagraphHeadingStart(lines: string[], index: number): boolean {
  return paragraphHeading(lines, index) !== undefined;
}

/**
 * A heading row whose cells are paragraphs of one heading each, starting at this line; a heading
 * row repeated right after itself (a page's sticky heading, captured twice) counts once.
 */
function paragraphHeading(lines: string[], start: number): { columns: TableColumns; end: number } | undefined {
  const headings: string[] = [];
  let index = start;
  let end = start;
  for (;;) {
    const heading = headingParagraph(lines, index);
    if (!heading) {
      break;
    }
    headings.push(heading.heading);
    end = heading.end;
    index = nextNonBlank(lines, heading.end);
  }
  for (let width = 2; width * 2 <= headings.length; width++) {
    const repeated = headings.length % width === 0 && headings.every((heading, at) => heading === headings[at % width]);
    if (repeated) {
      headings.length = width;
      break;
    }
  }
  const columns = tableColumns(headings);
  return columns ? { columns, end } : undefined;
}

/** The shape shared by the codes of a table, taken from its first code: all digits, or a name, a dot and digits. */
function codeFamily(code: string): RegExp {
  if (/^[0-9]+$/.test(code)) {
    return /^[0-9]+$/;
  }
  if (/^[A-Za-z][A-Za-z0-9_]*\.[0-9]+$/.test(code)) {
    return /^[A-Za-z][A-Za-z0-9_]*\.[0-9]+$/;
  }
  return /^(?=.*[0-9.{])(?:[A-Za-z0-9_.]|\{[A-Za-z]+\})+$/;
}

/** Whether a paragraph can be a cell of a column that precedes the code (a module's name, a status). */
function isLeadingCell(paragraph: Paragraph, field: ColumnField): boolean {
  if (paragraph.lines.length !== 1) {
    return false;
  }
  const text = paragraph.lines[0];
  if (field === 'httpStatus') {
    return /^[1-5][0-9]{2}$/.test(text);
  }
  return text.length <= 30 && !isListItem(text) && !/[。.！!？?；;，,:：]$/.test(text);
}

function readParagraphTable(lines: string[], start: number, columns: TableColumns): { table: RawTable; end: number } {
  const codeColumn = columns.fields.indexOf('code');
  const leading = columns.fields.slice(0, codeColumn);
  const trailing = columns.fields.slice(codeColumn + 1);
  const paragraphs = paragraphsFrom(lines, start);
  const firstCode = paragraphs.findIndex((paragraph, at) => at >= leading.length && paragraph.lines.length === 1 && isCatalogCode(paragraph.lines[0]));
  if (firstCode < 0) {
    return { table: { ...columns, rows: [] }, end: start };
  }
  const family = codeFamily(paragraphs[firstCode].lines[0]);
  const codeAt = paragraphs
    .map((paragraph, at) => (at >= firstCode && paragraph.lines.length === 1 && family.test(paragraph.lines[0]) && isCatalogCode(paragraph.lines[0]) ? at : -1))
    .filter((at) => at >= 0);
  const rows: string[][] = [];
  let leadingCells = paragraphs.slice(firstCode - leading.length, firstCode).map((paragraph) => paragraph.lines.join('\n'));
  let end = paragraphs[paragraphs.length - 1].end;
  codeAt.forEach((at, rowIndex) => {
    const isLast = rowIndex === codeAt.length - 1;
    let body = paragraphs.slice(at + 1, isLast ? paragraphs.length : codeAt[rowIndex + 1]);
    // The next row's leading cells (a module that starts there) stand at the end of this row's text.
    let nextLeading: string[] = [];
    if (!isLast && leading.length > 0) {
      const tail = body.slice(body.length - leading.length);
      if (body.length > leading.length && tail.every((paragraph, column) => isLeadingCell(paragraph, leading[column]))) {
        nextLeading = tail.map((paragraph) => paragraph.lines.join('\n'));
        body = body.slice(0, body.length - leading.length);
      }
    }
    if (isLast && body.length > trailing.length) {
      // After the last row, only list items continue its last cell; other text follows the table.
      const extra = body.slice(trailing.length);
      const kept = extra.findIndex((paragraph) => !paragraph.lines.every(isListItem));
      if (kept >= 0) {
        end = extra[kept].start;
        body = body.slice(0, trailing.length + kept);
      }
    }
    const cells = body.map((paragraph) => paragraph.lines.join('\n'));
    const trailingCells = trailing.map((_, column) => (column < trailing.length - 1 ? cells[column] ?? '' : cells.slice(column).join('\n')));
    rows.push([...leading.map((_, column) => leadingCells[column] ?? ''), paragraphs[at].lines[0], ...trailingCells]);
    // A leading cell that does not start anew spans down from the row above, as a module does.
    leadingCells = nextLeading.length > 0 ? nextLeading : leading.map(() => '');
  });
  return { table: { ...columns, rows }, end };
}
