/*
 * Reads the parts of an HTML page an import needs: its tables as grids of cell texts (row and column
 * spans resolved), and its text without markup. Cell text follows the catalogs' rules: tags dropped
 * (link text kept), entities decoded, paragraphs and list items one line each, a list item starting
 * with "• " (or "1. " in a numbered list), whitespace collapsed as a browser shows it.
 */

/** One table: its rows, each a list of cell texts, after spans are resolved. */
export interface HtmlTable {
  rows: string[][];
  /** How many leading rows are heading rows (`<th>` cells or `<thead>`). */
  headingRows: number;
}

interface Token {
  kind: 'open' | 'close' | 'text';
  /** Lower-case tag name, for tags. */
  name: string;
  /** Raw attribute text, for opening tags. */
  attributes: string;
  /** Decoded text, for text. */
  text: string;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  laquo: '«', raquo: '»', middot: '·', bull: '•', times: '×', divide: '÷', deg: '°', plusmn: '±', larr: '←', rarr: '→',
};

/** Decodes character references (`&gt;`, `&#62;`, `&#x3e;`); unknown names stay as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, name: string) => {
    if (name[0] === '#') {
      const codePoint = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
    }
    return NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Elements whose content is not text a reader sees. */
const RAW_TEXT = new Set(['script', 'style', 'template', 'noscript', 'svg']);
/** Elements that start a line of their own. */
const BLOCKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'section',
  'article', 'header', 'footer', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'hr', 'figure', 'figcaption',
]);

const TOKEN = /<!--[\s\S]*?-->|<![^>]*>|<\?[^>]*>|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(html)) !== null) {
    const [whole, slash, rawName, attributes] = match;
    if (rawName === undefined) {
      if (!whole.startsWith('<!') && !whole.startsWith('<?')) {
        tokens.push({ kind: 'text', name: '', attributes: '', text: decodeEntities(whole) });
      }
      continue;
    }
    const name = rawName.toLowerCase();
    if (slash) {
      tokens.push({ kind: 'close', name, attributes: '', text: '' });
      continue;
    }
    tokens.push({ kind: 'open', name, attributes: attributes ?? '', text: '' });
    if (RAW_TEXT.has(name)) {
      // Skip to the element's end: its content is not markup.
      TOKEN.lastIndex = closingTagAt(html, name, TOKEN.lastIndex);
    }
  }
  return tokens;
}

/** Where the closing tag of a raw-text element (`</script>`, any case) starts, or the end of the page. */
function closingTagAt(html: string, name: string, from: number): number {
  let at = html.indexOf('</', from);
  while (at >= 0) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) {
      return at;
    }
    at = html.indexOf('</', at + 2);
  }
  return html.length;
}

/** An attribute's value, or undefined. */
function attribute(attributes: string, name: string): string | undefined {
  const pattern = /([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(attributes)) !== null) {
    if (match[1].toLowerCase() === name) {
      return decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
    }
  }
  return undefined;
}

function span(attributes: string, name: string): number {
  const value = Number.parseInt(attribute(attributes, name) ?? '1', 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, 1000) : 1;
}

/** Builds the lines of a piece of text: inline text joins, blocks break, list items get their mark. */
class LineBuilder {
  private readonly lines: string[] = [];
  private current = '';
  private readonly lists: { ordered: boolean; count: number }[] = [];

  text(text: string): void {
    this.current += text;
  }

  open(name: string): void {
    if (name === 'ul' || name === 'ol') {
      this.lists.push({ ordered: name === 'ol', count: 0 });
    }
    if (BLOCKS.has(name)) {
      this.breakLine();
    }
    if (name === 'li') {
      const list = this.lists[this.lists.length - 1];
      if (list?.ordered) {
        list.count++;
        this.current = `${list.count}. `;
      } else {
        this.current = '• ';
      }
    }
  }

  close(name: string): void {
    if (BLOCKS.has(name)) {
      this.breakLine();
    }
    if (name === 'ul' || name === 'ol') {
      this.lists.pop();
    }
  }

  breakLine(): void {
    const line = this.current.replace(/[ \t\n\r\f]+/g, ' ').trim();
    // A list mark alone is an empty item.
    if (line.length > 0 && line !== '•' && !/^[0-9]+\.$/.test(line)) {
      this.lines.push(line);
    }
    this.current = '';
  }

  result(): string {
    this.breakLine();
    return this.lines.join('\n');
  }
}

/** The page's text as a reader sees it, one line per block, without markup. */
export function htmlText(html: string): string {
  const builder = new LineBuilder();
  for (const token of tokenize(html)) {
    feed(builder, token);
  }
  return builder.result();
}

/** The text of the first element with this tag name (e.g. `h1`, `title`), or undefined. */
export function firstElementText(html: string, tagName: string): string | undefined {
  const tokens = tokenize(html);
  const start = tokens.findIndex((token) => token.kind === 'open' && token.name === tagName);
  if (start < 0) {
    return undefined;
  }
  const builder = new LineBuilder();
  for (const token of tokens.slice(start + 1)) {
    if (token.kind === 'close' && token.name === tagName) {
      break;
    }
    if (token.kind === 'text') {
      builder.text(token.text);
    }
  }
  const text = builder.result();
  return text.length > 0 ? text : undefined;
}

/** The page's own address where it states one (`<link rel="canonical">` or `<meta property="og:url">`). */
export function canonicalUrl(html: string): string | undefined {
  for (const token of tokenize(html)) {
    if (token.kind !== 'open') {
      continue;
    }
    if (token.name === 'link' && (attribute(token.attributes, 'rel') ?? '').toLowerCase() === 'canonical') {
      return attribute(token.attributes, 'href');
    }
    if (token.name === 'meta' && (attribute(token.attributes, 'property') ?? '').toLowerCase() === 'og:url') {
      return attribute(token.attributes, 'content');
    }
  }
  return undefined;
}

interface CellInProgress {
  builder: LineBuilder;
  rowSpan: number;
  colSpan: number;
  heading: boolean;
}

interface TableInProgress {
  /** Rows of cells as written, before spans are resolved. */
  rows: { cells: { text: string; rowSpan: number; colSpan: number; heading: boolean }[]; inHead: boolean }[];
  inHead: boolean;
  cell?: CellInProgress;
  /** How deep inside the current cell nested tables go; their text joins the cell. */
  nested: number;
}

/** Every table of the page, outermost tables only (a table inside a cell is part of the cell's text). */
export function htmlTables(html: string): HtmlTable[] {
  const tables: HtmlTable[] = [];
  const stack: TableInProgress[] = [];
  for (const token of tokenize(html)) {
    const table = stack[stack.length - 1];
    if (table?.cell && table.nested > 0) {
      // Inside a table nested in a cell: its text belongs to the cell.
      if (token.kind === 'open' && token.name === 'table') {
        table.nested++;
      } else if (token.kind === 'close' && token.name === 'table') {
        table.nested--;
      }
      feed(table.cell.builder, token);
      continue;
    }
    if (token.kind === 'open' && token.name === 'table') {
      if (table?.cell) {
        table.nested = 1;
        feed(table.cell.builder, token);
      } else if (!table) {
        stack.push({ rows: [], inHead: false, nested: 0 });
      }
      continue;
    }
    if (!table) {
      continue;
    }
    if (token.kind === 'close' && token.name === 'table') {
      finishCell(table);
      stack.pop();
      tables.push(resolveSpans(table));
      continue;
    }
    if (token.kind === 'open' && (token.name === 'thead' || token.name === 'tbody' || token.name === 'tfoot')) {
      finishCell(table);
      table.inHead = token.name === 'thead';
    } else if (token.kind === 'open' && token.name === 'tr') {
      finishCell(table);
      table.rows.push({ cells: [], inHead: table.inHead });
    } else if (token.kind === 'close' && token.name === 'tr') {
      finishCell(table);
    } else if (token.kind === 'open' && (token.name === 'td' || token.name === 'th')) {
      finishCell(table);
      if (table.rows.length === 0) {
        table.rows.push({ cells: [], inHead: table.inHead });
      }
      table.cell = { builder: new LineBuilder(), rowSpan: span(token.attributes, 'rowspan'), colSpan: span(token.attributes, 'colspan'), heading: token.name === 'th' };
    } else if (token.kind === 'close' && (token.name === 'td' || token.name === 'th')) {
      finishCell(table);
    } else if (table.cell) {
      feed(table.cell.builder, token);
    }
  }
  return tables;
}

function feed(builder: LineBuilder, token: Token): void {
  if (token.kind === 'text') {
    builder.text(token.text);
  } else if (token.kind === 'open') {
    builder.open(token.name);
  } else {
    builder.close(token.name);
  }
}

function finishCell(table: TableInProgress): void {
  if (!table.cell) {
    return;
  }
  const { builder, rowSpan, colSpan, heading } = table.cell;
  table.rows[table.rows.length - 1].cells.push({ text: builder.result(), rowSpan, colSpan, heading });
  table.cell = undefined;
}

/** Lays the cells out on a grid: a cell spanning rows repeats in each, one spanning columns fills the first. */
function resolveSpans(table: TableInProgress): HtmlTable {
  const grid: (string | undefined)[][] = [];
  let headingRows = 0;
  let stillHeading = true;
  table.rows.forEach((row, rowIndex) => {
    grid[rowIndex] ??= [];
    let column = 0;
    for (const cell of row.cells) {
      while (grid[rowIndex][column] !== undefined) {
        column++;
      }
      for (let down = 0; down < cell.rowSpan && rowIndex + down < table.rows.length; down++) {
        grid[rowIndex + down] ??= [];
        for (let across = 0; across < cell.colSpan; across++) {
          grid[rowIndex + down][column + across] = across === 0 ? cell.text : '';
        }
      }
      column += cell.colSpan;
    }
    const isHeading = row.inHead || (row.cells.length > 0 && row.cells.every((cell) => cell.heading));
    if (stillHeading && isHeading) {
      headingRows++;
    } else {
      stillHeading = false;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return {
    rows: grid.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? '')),
    headingRows,
  };
}
