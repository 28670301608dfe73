/*
 * A document read from disk rather than sent as text: what it keeps is a line index (where each
 * line starts in the file) and its findings, compactly; never the text. A line's text, when a
 * feature asks for it, is read from the file again through the reader it is given. The adapter
 * streams the file through a StreamScanner and files what it reports here (see `record` and
 * `onLine`), so hovers, links, symbols, diagnostics and the findings view answer from this state.
 */
import { OccurrenceWalk, Position, ResolvedOccurrence, ScannedDocument, WALK_ASKS_EVERY, askingEvery } from './codeDocument';
import { DocumentClue, NEARBY } from './evidence';
import { FindingTable } from './findingTable';

export interface DiskDocumentOptions {
  /** Reads bytes [start, end) of the file; undefined when it cannot (the file went away). */
  read: (start: number, end: number) => Uint8Array | undefined;
  /** Turns bytes into text (UTF-8). */
  decode: (bytes: Uint8Array, start: number, end: number) => string;
}

/** The longest line text read back from disk for a feature; the rest of a longer line is left out. */
const MAX_LINE_BYTES = 4 * 1024 * 1024;

export class DiskDocument implements ScannedDocument {
  readonly findings = new FindingTable();
  /** The file offset of each line's first byte; entry `lines` is the end of what was read. */
  private starts = new Float64Array(1024);
  private lines = 0;
  /** How many bytes of the file have been read, and whether they end with a line break. */
  private bytes = 0;
  private endsWithBreak = false;
  /** Lines whose decisions read the clues of the whole document, which were not all known then. */
  readonly provisional = new Set<number>();
  /** The document's clues, once a first pass over the whole file has tallied them. */
  documentClues: DocumentClue[] | undefined;

  constructor(private readonly options: DiskDocumentOptions) {}

  /** The number of lines, as an editor counts them: text after the last line break is one more, even when empty. */
  get lineCount(): number {
    return this.lines + (this.endsWithBreak || this.lines === 0 ? 1 : 0);
  }

  /** How many bytes of the file the document covers. */
  get byteLength(): number {
    return this.bytes;
  }

  /** The file offset where a line starts (the end of the file for the empty line after a last line break). */
  lineStart(line: number): number {
    return line < this.lines ? this.starts[line] : this.bytes;
  }

  /** Notes where a line starts, as the stream scanner reports it; lines come in order, from 0 or from a line already known. */
  onLine(line: number, startByte: number): void {
    if (line > this.lines) {
      throw new Error(`Line ${line} reported before line ${this.lines}.`);
    }
    if (line >= this.starts.length) {
      const grown = new Float64Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[line] = startByte;
    this.lines = line + 1;
  }

  /** Notes how far the file was read and whether it ended with a line break. */
  setEnd(bytes: number, endsWithBreak: boolean): void {
    this.bytes = bytes;
    this.endsWithBreak = endsWithBreak;
  }

  /**
   * Before the file is read again from line `feedFrom`: forgets where the lines from there start
   * (they are reported again), and the decisions from line `keepFrom` on.
   */
  rewind(feedFrom: number, keepFrom: number): void {
    this.lines = Math.min(this.lines, feedFrom);
    this.findings.truncateFrom(keepFrom);
    for (const flagged of [...this.provisional]) {
      if (flagged >= keepFrom) {
        this.provisional.delete(flagged);
      }
    }
  }

  /** Files a decision the stream scanner reported. */
  record(found: ResolvedOccurrence, readDocument: boolean, final: boolean): void {
    if (readDocument && !final) {
      this.provisional.add(found.occurrence.line);
    }
    if (!found.resolution.suppressed) {
      this.findings.add(found);
    }
  }

  /**
   * The stretches of lines to read again so the provisional lines are decided anew: each with the
   * lines around it that its decision reads, stretches that touch merged.
   */
  redecisionRegions(): { from: number; to: number; lines: Set<number> }[] {
    const regions: { from: number; to: number; lines: Set<number> }[] = [];
    for (const line of [...this.provisional].sort((a, b) => a - b)) {
      const last = regions[regions.length - 1];
      if (last && line - NEARBY <= last.to + 1) {
        last.to = Math.min(this.lines - 1, line + NEARBY);
        last.lines.add(line);
      } else {
        regions.push({ from: Math.max(0, line - NEARBY), to: Math.min(this.lines - 1, line + NEARBY), lines: new Set([line]) });
      }
    }
    return regions;
  }

  /**
   * Where to read again when lines were appended to the file: the last lines were decided without
   * the lines after them (`keepFrom` on), and are read with the lines before them that they need
   * (`feedFrom` on).
   */
  appendRestart(): { feedFrom: number; keepFrom: number } {
    const keepFrom = Math.max(0, this.lines - 1 - NEARBY);
    return { feedFrom: Math.max(0, keepFrom - NEARBY), keepFrom };
  }

  /**
   * Takes the findings of provisional lines decided again (`add`, in text order, any line of the
   * region: those of other lines are left out), then puts them in place of theirs (`finish`, which
   * says whether any differs); the lines are no longer provisional. They are kept as a table, not
   * as objects: a line of millions of codes is decided again in the memory of its numbers.
   */
  redecision(region: { from: number; to: number; lines: ReadonlySet<number> }): { add(found: ResolvedOccurrence): void; finish(): boolean } {
    const decided = new FindingTable();
    return {
      add: (found) => {
        if (region.lines.has(found.occurrence.line)) {
          decided.add(found);
        }
      },
      finish: () => {
        const changed = !sameFindings(this.findings.between(region.from, region.to), region.lines, decided);
        this.findings.replaceLines(region.lines, decided);
        for (const line of region.lines) {
          this.provisional.delete(line);
        }
        return changed;
      },
    };
  }

  lineText(line: number): string {
    if (line < 0 || line >= this.lines) {
      return '';
    }
    const start = this.starts[line];
    const end = Math.min(line + 1 < this.lines ? this.starts[line + 1] : this.bytes, start + MAX_LINE_BYTES);
    const bytes = end > start ? this.options.read(start, end) : undefined;
    if (bytes === undefined) {
      return '';
    }
    let text = this.options.decode(bytes, 0, bytes.length);
    if (text.endsWith('\n')) {
      text = text.slice(0, text.endsWith('\r\n') ? -2 : -1);
    } else if (text.endsWith('\r')) {
      text = text.slice(0, -1);
    }
    return text;
  }

  occurrences(): Iterable<ResolvedOccurrence> {
    return this.findings.all();
  }

  walkOccurrences(visit: (found: ResolvedOccurrence) => void): OccurrenceWalk {
    let index = 0;
    return {
      run: (keepGoing) => {
        const goOn = askingEvery(WALK_ASKS_EVERY, keepGoing);
        while (index < this.findings.size) {
          if (!goOn()) {
            return false;
          }
          visit(this.findings.at(index++));
        }
        return true;
      },
    };
  }

  occurrenceAt(position: Position): ResolvedOccurrence | undefined {
    return this.findings.findAt(position);
  }
}

/**
 * Whether the findings of some lines (taken from `before`, which may hold other lines' too) say
 * the same as `after`: the same codes at the same places, decided the same way.
 */
function sameFindings(before: Iterable<ResolvedOccurrence>, lines: ReadonlySet<number>, after: FindingTable): boolean {
  const describe = ({ occurrence, resolution }: ResolvedOccurrence) =>
    `${occurrence.line}:${occurrence.start}:${resolution.kind}:${resolution.ranked[0]?.entry.id ?? ''}:${resolution.established}:${resolution.origin?.clue.text ?? ''}`;
  let index = 0;
  for (const found of before) {
    if (!lines.has(found.occurrence.line)) {
      continue;
    }
    if (index >= after.size || describe(found) !== describe(after.at(index))) {
      return false;
    }
    index++;
  }
  return index === after.size;
}
