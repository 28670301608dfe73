/*
 * A document as the scanner sees it: its own line index, a per-line cache of occurrences and of
 * clues of origin, so an edit rescans only the lines it touched (and re-resolves the lines whose
 * evidence it may change). An edit inside a very long line rescans only the part around it.
 */
import { CodeIndex, Entry } from './codeIndex';
import { DocumentClue, LINE_WINDOW, LineEvidence, LineSource, NEARBY, codeVote, gatherEvidence, isDocumentClue } from './evidence';
import { Clue } from './origins';
import { Resolution, isShareable, resolve, sameResolution } from './resolver';
import { CODE_CHAR, DECISION, Occurrence, scanLine } from './scanner';

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

/** A finding. A document may hand the same one to every reader: it is read, never changed. */
export interface ResolvedOccurrence {
  readonly occurrence: Occurrence;
  readonly resolution: Resolution;
}

/**
 * What the features read of a scanned document, whether its text is held (CodeDocument) or read
 * from disk when asked for (DiskDocument).
 */
export interface ScannedDocument {
  readonly lineCount: number;
  /** The text of a line without its terminator; empty past the end. */
  lineText(line: number): string;
  /** Every finding in line order. */
  occurrences(options?: OccurrenceOptions): Iterable<ResolvedOccurrence>;
  /** The finding that covers a position, its end included. */
  occurrenceAt(position: Position): ResolvedOccurrence | undefined;
  /**
   * Every finding in line order, handed to `visit` in as many runs of the walk as it takes; each
   * run goes on while `keepGoing` says so. Unlike `occurrences`, it makes no object per finding.
   */
  walkOccurrences(visit: (found: ResolvedOccurrence) => void, options?: OccurrenceOptions): OccurrenceWalk;
}

/** A walk through a document's findings, done in runs (see `ScannedDocument.walkOccurrences`). */
export interface OccurrenceWalk {
  /** Hands findings on from where the last run stopped, while `keepGoing` says so (it is asked once every WALK_ASKS_EVERY occurrences); true once all are handed. */
  run(keepGoing: () => boolean): boolean;
}

/** How many occurrences a walk goes through between two questions whether to go on. */
export const WALK_ASKS_EVERY = 128;

/**
 * `keepGoing`, asked only every `every` calls and answering yes in between: a loop that calls it
 * at each step reads the clock once in so many steps.
 */
export function askingEvery(every: number, keepGoing: () => boolean): () => boolean {
  let sinceAsked = 0;
  return () => {
    if (++sinceAsked < every) {
      return true;
    }
    sinceAsked = 0;
    return keepGoing();
  };
}

/**
 * How many distinct resolutions of one entry a document shares between the codes decided alike, at
 * most: each is looked for among them.
 */
const MAX_SHARED_PER_ENTRY = 16;

/** A line longer than this is rescanned only around an edit, and only its start is read for clues. */
const LONG_LINE = 64 * 1024;
const NO_CLUES: readonly Clue[] = Object.freeze([]);
const NO_KEYS: readonly number[] = Object.freeze([]);

/** What the document's tally counts a clue under: its provider, product and kind. */
function tallyKey(clue: Clue): string {
  return `${clue.provider}\u0000${clue.product ?? ''}\u0000${clue.kind}`;
}

/**
 * The decision kept for an occurrence. It is the finding itself, handed as it is to those who read
 * the document's findings, so reading them makes no object per finding.
 */
interface Decision extends ResolvedOccurrence {
  /**
   * The document-clue generation it was decided under, when it read the document's clues;
   * PROVISIONAL when it read only those tallied so far.
   */
  readonly generation: number | undefined;
}

/** The generation of a decision made with the clues tallied so far (see `occurrences`). */
const PROVISIONAL = -1;

/** How the document's findings are gone through. */
export interface OccurrenceOptions {
  /**
   * Set to go on without the rest of the document's clues when tallying them takes long: a code
   * that reads them tallies them while this says so (see `tallyDocumentClues`). When the tally is
   * not done by then, it is decided with the clues tallied so far; such a decision is provisional
   * and is made again once all are known. Without it, the whole tally is done first.
   */
  tallyWhile?: () => boolean;
}

/**
 * The decision a document keeps on an occurrence, in the slot every occurrence is made with (see
 * DECISION). A WeakMap did this before; with hundreds of thousands of codes its entries made every
 * full garbage collection pause the server for a tenth of a second or more.
 */
function decisionOf(occurrence: Occurrence): Decision | undefined {
  return occurrence[DECISION] as Decision | undefined;
}

function setDecision(occurrence: Occurrence, decision: Decision | undefined): void {
  occurrence[DECISION] = decision;
}

export class CodeDocument implements ScannedDocument {
  /** The lines, each with its own line terminator. */
  private lines: string[] = [];
  /** Occurrences per line; undefined where a line has none. */
  private found: (Occurrence[] | undefined)[] = [];
  /** Clues of origin per line as lines near a code read them, worked out when first asked for. */
  private clues: (readonly Clue[] | undefined)[] = [];
  /**
   * What each line gives the document's tally (names, hosts, paths, one-table codes), kept
   * compactly: the ids of the tally keys of its clues in order (one id, a list, or NO_KEYS), or
   * undefined before it is read. The clues themselves are read again only for the first line of
   * each key.
   */
  private tallied: (number | readonly number[] | undefined)[] = [];
  /** Tally keys (provider, product, kind) by id, and ids by key. */
  private readonly tallyKeys: string[] = [];
  private readonly tallyKeyIds = new Map<string, number>();
  /** What codes on a line share when they are decided, per part of the line. */
  private evidence: (Map<number, LineEvidence> | undefined)[] = [];
  /** The document's clues, and a generation that changes whenever they do. */
  private documentClueList: DocumentClue[] | undefined;
  private documentClueSignature = '';
  private generation = 0;
  /** The first line not yet tallied by `tallyDocumentClues`, while the document's clues are not all known. */
  private tallyCursor = 0;
  /** The clues of the lines tallied so far, for provisional decisions, and the line they reach. */
  private cluesSoFar: { to: number; clues: readonly DocumentClue[] } | undefined;
  /** Set while a decision is worked out that may go on with the clues tallied so far (see `occurrences`). */
  private tallyWhile: (() => boolean) | undefined;
  /** How many provisional decisions were made since the document's clues were last all known. */
  private provisionalCount = 0;
  /** The document's lines, occurrences and clues, as evidence gathering reads them. */
  private readonly lineSource: LineSource = {
    lineText: (line) => (line >= 0 && line < this.lines.length ? this.lineText(line) : undefined),
    occurrencesOn: (line) => this.found[line],
    cluesOn: (line) => this.cluesOn(line),
    documentClues: () => (this.tallyWhile !== undefined && !this.tallyDocumentClues(this.tallyWhile) ? this.documentCluesSoFar() : this.documentClues()),
    cluesInWindow: (line, from, to) => {
      const text = this.lineText(line);
      // A window that is the whole line is the line's clues, found once.
      return from <= 0 && to >= text.length && text.length <= LONG_LINE ? this.cluesOn(line) : this.index.detector.cluesIn(text, line, from, to);
    },
    evidenceCache: (line) => (this.evidence[line] ??= new Map()),
  };
  /** Which resolutions read the document's clues, noted while one is being worked out. */
  private readingDocument = false;
  /**
   * One resolution for the codes decided alike (see `isShareable`), by the entry they chose: a log
   * that repeats an error holds it once, not once per code.
   */
  private readonly sharedResolutions = new Map<Entry, Resolution[]>();
  /** Lines scanned since the document was created, for work-counting tests. */
  linesScanned = 0;
  /** Characters of long lines rescanned around edits, for work-counting tests. */
  charactersRescanned = 0;

  /**
   * `text` may be given in blocks that each end with a line break (the last one excepted): a large
   * text kept so, its blocks of Latin-1 characters one byte a character, takes half the memory of
   * one two-byte string (see `textBlocks`).
   */
  constructor(
    text: string | readonly string[],
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
    // The shared resolutions name the old catalogs' entries.
    this.sharedResolutions.clear();
    this.rescanAll();
  }

  setText(text: string | readonly string[]): void {
    if (typeof text !== 'string' && text.length === 0) {
      text = '';
    }
    if (typeof text === 'string') {
      this.lines = splitLines(text);
      this.rescanAll([text]);
      return;
    }
    this.lines = [];
    text.forEach((block, index) => {
      const lines = splitLines(block);
      // A block ends with a line break: the empty line after it belongs to the next block.
      if (index < text.length - 1 && lines[lines.length - 1] === '') {
        lines.pop();
      }
      for (const line of lines) {
        this.lines.push(line);
      }
    });
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
   * Every finding in line order; occurrences that are no finding (another cloud's error, a word
   * with no evidence, an HTTP status) are left out. Each is resolved as it is reached, so a caller
   * that stops early pays only for what it read.
   */
  *occurrences(options: OccurrenceOptions = {}): Generator<ResolvedOccurrence> {
    for (let line = 0; line < this.found.length; line++) {
      const list = this.found[line];
      if (list === undefined) {
        continue;
      }
      for (const occurrence of list) {
        occurrence.line = line;
        const found = this.decide(occurrence, options.tallyWhile);
        if (!found.resolution.suppressed) {
          yield found;
        }
      }
      this.decidedLine(line);
    }
  }

  walkOccurrences(visit: (found: ResolvedOccurrence) => void, options: OccurrenceOptions = {}): OccurrenceWalk {
    let line = 0;
    let index = 0;
    return {
      run: (keepGoing) => {
        const goOn = askingEvery(WALK_ASKS_EVERY, keepGoing);
        for (; line < this.found.length; line++, index = 0) {
          const list = this.found[line];
          if (list === undefined) {
            continue;
          }
          while (index < list.length) {
            if (!goOn()) {
              return false;
            }
            const occurrence = list[index++];
            occurrence.line = line;
            const found = this.decide(occurrence, options.tallyWhile);
            if (!found.resolution.suppressed) {
              visit(found);
            }
          }
          this.decidedLine(line);
        }
        return true;
      },
    };
  }

  /**
   * Every code of a line is decided: what they shared while they were (its evidence, a few hundred
   * bytes a line) is not kept. A code decided anew finds it again.
   */
  private decidedLine(line: number): void {
    this.evidence[line] = undefined;
  }

  /**
   * Tallies the document's clues line by line, for as long as `keepGoing` says (it is asked before
   * each thousand lines or so); true once they are all known. What is tallied stays tallied: a call
   * after an edit reads only the lines from the edit on.
   */
  tallyDocumentClues(keepGoing: () => boolean): boolean {
    if (this.documentClueList !== undefined) {
      return true;
    }
    for (let read = 0; this.tallyCursor < this.lines.length; read++) {
      if ((read & 1023) === 0 && !keepGoing()) {
        return false;
      }
      this.talliedOn(this.tallyCursor++);
    }
    this.documentClues();
    return true;
  }

  /** Whether decisions made with only the clues tallied so far wait to be made again (see `occurrences`). */
  get hasProvisionalDecisions(): boolean {
    return this.provisionalCount > 0;
  }

  /** The finding that covers a position (its end included, as a cursor right after a word is on it). */
  occurrenceAt(position: Position): ResolvedOccurrence | undefined {
    const list = this.found[position.line];
    for (const occurrence of list ?? []) {
      occurrence.line = position.line;
      if (position.character >= occurrence.start && position.character <= occurrence.end) {
        const found = this.decide(occurrence);
        return found.resolution.suppressed ? undefined : found;
      }
    }
    return undefined;
  }

  /** The occurrence's decision: the one kept, while it holds, or one made now and kept. */
  private decide(occurrence: Occurrence, tallyWhile?: () => boolean): Decision {
    const cached = decisionOf(occurrence);
    if (cached && (cached.generation === undefined || cached.generation === this.currentGeneration(tallyWhile))) {
      return cached;
    }
    this.readingDocument = false;
    this.tallyWhile = tallyWhile;
    let resolution: Resolution;
    try {
      resolution = resolve(occurrence, gatherEvidence(occurrence, this.lineSource), this.index);
    } finally {
      this.tallyWhile = undefined;
    }
    let generation: number | undefined;
    if (!this.readingDocument) {
      generation = undefined;
    } else if (this.documentClueList === undefined) {
      this.provisionalCount++;
      generation = PROVISIONAL;
    } else {
      generation = this.generation;
    }
    const decision: Decision = { occurrence, resolution: this.shared(resolution), generation };
    setDecision(occurrence, decision);
    return decision;
  }

  /** The resolution the codes decided alike share, once one of them was decided so. */
  private shared(resolution: Resolution): Resolution {
    if (!isShareable(resolution)) {
      return resolution;
    }
    const entry = resolution.ranked[0].entry;
    let known = this.sharedResolutions.get(entry);
    for (const candidate of known ?? []) {
      if (sameResolution(candidate, resolution)) {
        return candidate;
      }
    }
    if (known === undefined) {
      known = [];
      this.sharedResolutions.set(entry, known);
    }
    if (known.length < MAX_SHARED_PER_ENTRY) {
      known.push(resolution);
    }
    return resolution;
  }

  /**
   * The generation of the document's clues, brought up to date after edits: all of them tallied,
   * or, with `tallyWhile`, as many as it lets (PROVISIONAL while they are not all known).
   */
  private currentGeneration(tallyWhile?: () => boolean): number {
    if (tallyWhile !== undefined) {
      return this.tallyDocumentClues(tallyWhile) ? this.generation : PROVISIONAL;
    }
    this.documentClues();
    return this.generation;
  }

  /** The clues of the lines `tallyDocumentClues` has read so far (from the first line on), counted as the whole document's are. */
  private documentCluesSoFar(): readonly DocumentClue[] {
    this.readingDocument = true;
    if (this.cluesSoFar?.to !== this.tallyCursor) {
      this.cluesSoFar = { to: this.tallyCursor, clues: this.tallyOf(this.tallyCursor) };
    }
    return this.cluesSoFar.clues;
  }

  private cluesOn(line: number): readonly Clue[] {
    if (line < 0 || line >= this.lines.length) {
      return NO_CLUES;
    }
    let clues = this.clues[line];
    if (clues === undefined) {
      const text = this.lineText(line);
      const found = this.index.detector.cluesIn(text, line, 0, Math.min(text.length, LONG_LINE));
      // Kept the size it is: the list was built with room for more, and every line keeps one.
      clues = found.length === 0 ? NO_CLUES : found.slice();
      this.clues[line] = clues;
    }
    for (const clue of clues) {
      clue.line = line;
    }
    return clues;
  }

  /** A line's clues for the document, and a vote for the product of each code on it that only one table holds. */
  private documentCluesOn(line: number): Clue[] {
    const text = this.lineText(line);
    // Lines near a code have their clues read already; the others are read for the tally alone, not kept.
    const near = this.clues[line] ?? this.index.detector.cluesIn(text, line, 0, Math.min(text.length, LONG_LINE));
    const found = near.length === 0 ? [] : near.filter(isDocumentClue);
    for (const clue of found) {
      clue.line = line;
    }
    for (const occurrence of this.found[line] ?? []) {
      if (occurrence.start > LONG_LINE) {
        // A huge line is read for the document only as far as its clues are.
        break;
      }
      occurrence.line = line;
      const vote = codeVote(occurrence, text);
      if (vote) {
        found.push(vote);
      }
    }
    return found;
  }

  /** The tally keys of a line's document clues, in order. */
  private talliedOn(line: number): number | readonly number[] {
    let keys = this.tallied[line];
    if (keys === undefined) {
      const ids = this.documentCluesOn(line).map((clue) => {
        const key = tallyKey(clue);
        let id = this.tallyKeyIds.get(key);
        if (id === undefined) {
          id = this.tallyKeys.length;
          this.tallyKeys.push(key);
          this.tallyKeyIds.set(key, id);
        }
        return id;
      });
      keys = ids.length === 0 ? NO_KEYS : ids.length === 1 ? ids[0] : ids;
      this.tallied[line] = keys;
    }
    return keys;
  }

  /** One clue per provider, product and kind across the document, the first of each, with a count. */
  clueTally(): readonly DocumentClue[] {
    return this.documentClues();
  }

  private documentClues(): readonly DocumentClue[] {
    this.readingDocument = true;
    if (this.documentClueList === undefined) {
      this.documentClueList = this.tallyOf(this.lines.length);
      this.tallyCursor = this.lines.length;
      this.cluesSoFar = undefined;
      this.provisionalCount = 0;
      const signature = this.documentClueList.map((clue) => `${clue.provider}/${clue.product ?? ''}/${clue.kind}/${clue.count}`).join('|');
      if (signature !== this.documentClueSignature) {
        this.documentClueSignature = signature;
        this.generation++;
      }
    }
    return this.documentClueList;
  }

  /** The clues of lines [0, end), counted by key; the first clue of each key is read again from its line. */
  private tallyOf(end: number): DocumentClue[] {
    const counts: number[] = [];
    const firstLines: number[] = [];
    const order: number[] = [];
    const count = (id: number, line: number) => {
      if (counts[id] === undefined) {
        counts[id] = 0;
        firstLines[id] = line;
        order.push(id);
      }
      counts[id]++;
    };
    for (let line = 0; line < end; line++) {
      const keys = this.talliedOn(line);
      if (typeof keys === 'number') {
        count(keys, line);
      } else {
        for (const id of keys) {
          count(id, line);
        }
      }
    }
    return order.map((id) => {
      const first = this.documentCluesOn(firstLines[id]).find((clue) => tallyKey(clue) === this.tallyKeys[id])!;
      return { ...first, count: counts[id] };
    });
  }

  /** Forgets the document's clues after lines from `line` on changed: they are tallied again from there. */
  private forgetDocumentClues(line: number): void {
    this.documentClueList = undefined;
    this.tallyCursor = Math.max(0, Math.min(this.tallyCursor, line));
    this.cluesSoFar = undefined;
  }

  /** `blocks`, when given, are the texts the lines were split from, in order. */
  private rescanAll(blocks?: readonly string[]): void {
    this.found = new Array<Occurrence[] | undefined>(this.lines.length).fill(undefined);
    this.clues = new Array<readonly Clue[] | undefined>(this.lines.length).fill(undefined);
    this.tallied = new Array<number | readonly number[] | undefined>(this.lines.length).fill(undefined);
    this.evidence = new Array<Map<number, LineEvidence> | undefined>(this.lines.length).fill(undefined);
    this.forgetDocumentClues(0);
    if (blocks === undefined) {
      this.scanLines(0, this.lines.length);
      return;
    }
    let line = 0;
    for (const block of blocks) {
      let end = line;
      let length = 0;
      while (end < this.lines.length && length < block.length) {
        length += this.lines[end].length;
        end++;
      }
      this.scanLines(line, end, block);
      line = end;
    }
    if (line < this.lines.length) {
      this.scanLines(line, this.lines.length);
    }
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
    if (startLine === endLine && this.lines[startLine].length > LONG_LINE && !/[\r\n]/.test(text)) {
      this.applyWithinLongLine(startLine, startCharacter, endCharacter, text);
      return;
    }
    let prefix = this.lines[startLine].slice(0, startCharacter);
    const suffix = this.lines[endLine].slice(endCharacter);
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
    spliceLarge(this.clues, startLine, removed, new Array<readonly Clue[] | undefined>(replacement.length).fill(undefined));
    spliceLarge(this.tallied, startLine, removed, new Array<number | readonly number[] | undefined>(replacement.length).fill(undefined));
    spliceLarge(this.evidence, startLine, removed, new Array<Map<number, LineEvidence> | undefined>(replacement.length).fill(undefined));
    this.scanLines(startLine, startLine + replacement.length);
    this.forgetAround(startLine, startLine + replacement.length);
  }

  /**
   * An edit within one long line: only the tokens near it are found again. Every token is classified
   * from at most LINE_WINDOW characters on either side of it, so tokens further than that from the
   * edit stay as they were; those nearer are found afresh in a region wide enough to give each of
   * them its whole window.
   */
  private applyWithinLongLine(line: number, start: number, end: number, text: string): void {
    const raw = this.lines[line];
    const content = stripTerminator(raw);
    const terminator = raw.slice(content.length);
    const updated = content.slice(0, start) + text + content.slice(end);
    const delta = text.length - (end - start);
    // The tokens the edit touches: the same text lies before it in both, and after it shifted by delta.
    let from = start;
    while (from > 0 && CODE_CHAR[content.charCodeAt(from - 1)] === 1) {
      from--;
    }
    let oldTo = end;
    while (oldTo < content.length && CODE_CHAR[content.charCodeAt(oldTo)] === 1) {
      oldTo++;
    }
    const to = oldTo + delta;
    const affectedStart = from - LINE_WINDOW;
    const affectedEnd = to + LINE_WINDOW;
    const regionStart = Math.max(0, from - 2 * LINE_WINDOW);
    let regionEnd = Math.min(updated.length, to + 2 * LINE_WINDOW);
    while (regionEnd < updated.length && CODE_CHAR[updated.charCodeAt(regionEnd)] === 1) {
      regionEnd++;
    }
    const fresh: Occurrence[] = [];
    scanLine(updated, line, this.index, fresh, regionStart, regionEnd);
    const inWindow: Occurrence[] = [];
    for (const occurrence of fresh) {
      occurrence.start += regionStart;
      occurrence.end += regionStart;
      if (occurrence.start >= affectedStart && occurrence.start < affectedEnd) {
        inWindow.push(occurrence);
      }
    }
    // The line's occurrences are in text order: those before the affected part stay, those after
    // it move by delta, and those within it give way to the fresh ones, all in place (a long line
    // may hold hundreds of thousands of codes).
    const list = this.found[line] ?? [];
    const keptBefore = firstStartingAt(list, affectedStart);
    const keptAfter = firstStartingAt(list, oldTo + LINE_WINDOW);
    for (let at = keptAfter; at < list.length; at++) {
      list[at].start += delta;
      list[at].end += delta;
    }
    spliceLarge(list, keptBefore, keptAfter - keptBefore, inWindow);
    this.lines[line] = updated + terminator;
    this.found[line] = list.length > 0 ? list : undefined;
    this.charactersRescanned += regionEnd - regionStart;
    this.evidence[line] = undefined;
    // The document reads a long line only as far as LONG_LINE (its clues, and its codes' votes): an
    // edit well beyond that leaves what the document read of it, and the tally, as they were.
    if (affectedStart - 3 * LINE_WINDOW - MAX_TOKEN_REACH <= LONG_LINE) {
      this.clues[line] = undefined;
      this.tallied[line] = undefined;
      this.forgetDocumentClues(line);
    }
    // Decisions whose window reaches the edit are made again; the rest of the line keeps its own.
    // A decision reads the part of the line its code stands in and one part on either side.
    for (let at = firstStartingAt(list, affectedStart - 3 * LINE_WINDOW - MAX_TOKEN_REACH); at < list.length && list[at].start <= affectedEnd + 3 * LINE_WINDOW; at++) {
      if (list[at].end >= affectedStart - 3 * LINE_WINDOW) {
        setDecision(list[at], undefined);
      }
    }
    this.forgetLines(line - NEARBY, line - 1);
    this.forgetLines(line + 1, line + NEARBY);
  }

  /** Forgets what depends on lines [from, to): decisions nearby, and the document's clues. */
  private forgetAround(from: number, to: number): void {
    this.forgetDocumentClues(from);
    this.forgetLines(from - NEARBY, to + NEARBY - 1);
  }

  private forgetLines(first: number, last: number): void {
    for (let line = Math.max(0, first); line <= Math.min(this.lines.length - 1, last); line++) {
      this.evidence[line] = undefined;
      for (const occurrence of this.found[line] ?? []) {
        setDecision(occurrence, undefined);
      }
    }
  }
}

/** The document clues of a whole text, as a document of it would tally them. */
export function documentCluesOf(text: string, index: CodeIndex): DocumentClue[] {
  return [...new CodeDocument(text, index).clueTally()];
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

function stripTerminator(line: string): string {
  const last = line.charCodeAt(line.length - 1);
  if (last === 10) {
    return line.charCodeAt(line.length - 2) === 13 ? line.slice(0, -2) : line.slice(0, -1);
  }
  return last === 13 ? line.slice(0, -1) : line;
}

/** How far before its end an occurrence may start: no token the scanner takes is longer. */
const MAX_TOKEN_REACH = 4096;

/** The index of the first occurrence of a list in text order that starts at or after `position`. */
function firstStartingAt(list: readonly Occurrence[], position: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle].start < position) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
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
