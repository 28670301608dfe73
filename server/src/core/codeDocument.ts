/*
 * A document as the scanner sees it: its own line index and a per-line cache of occurrences, so an
 * edit rescans only the lines it touched (and re-resolves a few lines around them).
 */
import { CodeIndex } from './codeIndex';
import { LineSource, NEIGHBOURHOOD, gatherEvidence } from './evidence';
import { Resolution, canBeSuppressed, resolve } from './resolver';
import { Occurrence, scanLine } from './scanner';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A change as LSP sends it: a range and its new text, or the whole new text. */
export type TextChange = { range: Range; text: string } | { text: string };

export interface ResolvedOccurrence {
  occurrence: Occurrence;
  resolution: Resolution;
}

/** An occurrence whose resolution is worked out when it is first asked for. */
class LazyResolution implements ResolvedOccurrence {
  constructor(
    readonly occurrence: Occurrence,
    private readonly resolver: (occurrence: Occurrence) => Resolution,
  ) {}

  get resolution(): Resolution {
    return this.resolver(this.occurrence);
  }
}

export class CodeDocument {
  /** The lines, each with its own line terminator. */
  private lines: string[] = [];
  /** Occurrences per line; undefined where a line has none. */
  private found: (Occurrence[] | undefined)[] = [];
  private resolutions = new WeakMap<Occurrence, Resolution>();
  /** The document's lines and occurrences, as evidence gathering reads them. */
  private readonly lineSource: LineSource = {
    lineText: (line) => (line >= 0 && line < this.lines.length ? this.lineText(line) : undefined),
    occurrencesOn: (line) => this.found[line],
  };
  /** Lines scanned since the document was created, for work-counting tests. */
  linesScanned = 0;

  constructor(
    text: string,
    private index: CodeIndex,
  ) {
    this.setText(text);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** The text of a line without its terminator; empty past the end. */
  lineText(line: number): string {
    const raw = this.lines[line];
    return raw === undefined ? '' : stripTerminator(raw);
  }

  getText(): string {
    return this.lines.join('');
  }

  /** Uses a new code index (catalogs changed) and rescans everything. */
  setIndex(index: CodeIndex): void {
    this.index = index;
    this.rescanAll();
  }

  setText(text: string): void {
    this.lines = splitLines(text);
    this.rescanAll(text);
  }

  applyChanges(changes: readonly TextChange[]): void {
    for (const change of changes) {
      if ('range' in change && change.range) {
        this.applyRangeChange(change.range, change.text);
      } else {
        this.setText(change.text);
      }
    }
  }

  /**
   * Every occurrence in line order; suppressed ones are left out. Each is resolved when its
   * `resolution` is first read, so a caller that needs only some of them pays only for those.
   */
  *occurrences(): Generator<ResolvedOccurrence> {
    const resolve = (occurrence: Occurrence) => this.resolve(occurrence);
    for (let line = 0; line < this.found.length; line++) {
      const list = this.found[line];
      if (list === undefined) {
        continue;
      }
      for (const occurrence of list) {
        occurrence.line = line;
        if (!(canBeSuppressed(occurrence) && this.resolve(occurrence).suppressed)) {
          yield new LazyResolution(occurrence, resolve);
        }
      }
    }
  }

  /** The occurrence that covers a position (its end included, as a cursor right after a word is on it). */
  occurrenceAt(position: Position): ResolvedOccurrence | undefined {
    const list = this.found[position.line];
    for (const occurrence of list ?? []) {
      occurrence.line = position.line;
      if (position.character >= occurrence.start && position.character <= occurrence.end) {
        const resolution = this.resolve(occurrence);
        return resolution.suppressed ? undefined : { occurrence, resolution };
      }
    }
    return undefined;
  }

  private resolve(occurrence: Occurrence): Resolution {
    let resolution = this.resolutions.get(occurrence);
    if (!resolution) {
      resolution = resolve(occurrence, gatherEvidence(occurrence, this.lineSource));
      this.resolutions.set(occurrence, resolution);
    }
    return resolution;
  }

  /** `text`, when given, is the whole text the lines were split from. */
  private rescanAll(text?: string): void {
    this.found = new Array<Occurrence[] | undefined>(this.lines.length).fill(undefined);
    this.resolutions = new WeakMap();
    this.scanLines(0, this.lines.length, text);
  }

  /**
   * `joined`, when given, is the text of lines [from, to) in one string: scanning each line in place
   * there is about twice as fast as scanning each line's slice (a slice reads through its parent).
   */
  private scanLines(from: number, to: number, joined?: string): void {
    const buffer: Occurrence[] = [];
    let offset = 0;
    for (let line = from; line < to; line++) {
      const raw = this.lines[line];
      if (joined === undefined) {
        scanLine(raw, line, this.index, buffer);
      } else {
        scanLine(joined, line, this.index, buffer, offset, offset + raw.length);
        offset += raw.length;
      }
      this.found[line] = buffer.length > 0 ? buffer.splice(0) : undefined;
    }
    this.linesScanned += to - from;
  }

  private applyRangeChange(range: Range, text: string): void {
    const lastLine = this.lines.length - 1;
    let startLine = clamp(range.start.line, 0, lastLine);
    let endLine = clamp(range.end.line, 0, lastLine);
    let startCharacter = range.start.line > lastLine ? this.lineText(lastLine).length : clamp(range.start.character, 0, this.lineText(startLine).length);
    let endCharacter = range.end.line > lastLine ? this.lineText(lastLine).length : clamp(range.end.character, 0, this.lineText(endLine).length);
    if (startLine > endLine || (startLine === endLine && startCharacter > endCharacter)) {
      [startLine, endLine, startCharacter, endCharacter] = [endLine, startLine, endCharacter, startCharacter];
    }
    let prefix = this.lines[startLine].slice(0, startCharacter);
    let suffix = this.lines[endLine].slice(endCharacter);
    // A lone CR ending the line before and an LF starting the change become one line break.
    if (prefix === '' && startLine > 0 && (text + suffix).startsWith('\n') && this.lines[startLine - 1].endsWith('\r')) {
      startLine--;
      prefix = this.lines[startLine];
    }
    const replacement = splitLines(prefix + text + suffix);
    // An empty last line holds nothing unless it is the document's only line.
    if (replacement.length > 1 && replacement[replacement.length - 1] === '' && endLine < lastLine) {
      replacement.pop();
    }
    const removed = endLine - startLine + 1;
    spliceLarge(this.lines, startLine, removed, replacement);
    spliceLarge(this.found, startLine, removed, new Array<Occurrence[] | undefined>(replacement.length).fill(undefined));
    this.scanLines(startLine, startLine + replacement.length);
    // Resolutions near the change may depend on the changed lines.
    const from = Math.max(0, startLine - NEIGHBOURHOOD);
    const to = Math.min(this.lines.length, startLine + replacement.length + NEIGHBOURHOOD);
    for (let line = from; line < to; line++) {
      for (const occurrence of this.found[line] ?? []) {
        this.resolutions.delete(occurrence);
      }
    }
  }
}

/** Splits text into lines that keep their terminators (`\n`, `\r\n` or `\r`); the last line may be empty. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  if (text.indexOf('\r') === -1) {
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      lines.push(text.slice(start, newline + 1));
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
  } else {
    for (let index = 0; index < text.length; index++) {
      const charCode = text.charCodeAt(index);
      if (charCode === 10 || charCode === 13) {
        const end = charCode === 13 && text.charCodeAt(index + 1) === 10 ? index + 2 : index + 1;
        lines.push(text.slice(start, end));
        start = end;
        index = end - 1;
      }
    }
  }
  lines.push(text.slice(start));
  return lines;
}

export function stripTerminator(line: string): string {
  const last = line.charCodeAt(line.length - 1);
  if (last === 10) {
    return line.charCodeAt(line.length - 2) === 13 ? line.slice(0, -2) : line.slice(0, -1);
  }
  return last === 13 ? line.slice(0, -1) : line;
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, low), high) : low;
}

/** Array splice that does not spread a large replacement onto the call stack. */
function spliceLarge<T>(array: T[], start: number, deleteCount: number, items: T[]): void {
  if (items.length < 10_000) {
    array.splice(start, deleteCount, ...items);
    return;
  }
  const tail = array.splice(start + deleteCount);
  array.length = start;
  for (const item of items) {
    array.push(item);
  }
  for (const item of tail) {
    array.push(item);
  }
}
