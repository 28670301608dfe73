/*
 * Gives memory back after a large document arrives, is read from disk, is settled (its provisional
 * decisions made again once all its clues were tallied), is analysed (after an edit or a change of
 * settings too) or closes. Its text came as one JSON-RPC message: the message's bytes, their
 * decoded string and the parsed text were all alive at once, several times the document's size; a
 * scan from disk leaves the strings of every piece it read; an analysis leaves its evidence and
 * rendered diagnostics; a closed document leaves its text and findings. V8 frees them only at its
 * next full collection, which may be long in coming while the server idles, so the process would
 * keep that peak as its size.
 */
import * as v8 from 'v8';
import * as vm from 'vm';

/** Documents at least this large (in characters) are followed by a full collection. */
const LARGE_DOCUMENT = 4 * 1024 * 1024;
/** How long after the document arrived: its diagnostics are published first. */
const DELAY_MS = 250;
/**
 * How long after a large document's analysis: longer, as analyses follow edits and changes of
 * settings, so a collection (some 50 ms on a 20 MB log) comes when the typing has paused, not
 * between keystrokes.
 */
const QUIET_MS = 1000;

let collect: (() => void) | null | undefined;

/** V8's full collection, or null where the runtime does not offer it. */
function fullCollection(): (() => void) | null {
  if (collect === undefined) {
    collect = null;
    try {
      const exposed = typeof globalThis.gc === 'function' ? globalThis.gc : undefined;
      if (!exposed) {
        v8.setFlagsFromString('--expose-gc');
      }
      const gc = exposed ?? (vm.runInNewContext('gc') as unknown);
      if (typeof gc === 'function') {
        collect = () => (gc as () => void)();
      }
    } catch {
      collect = null;
    }
  }
  return collect;
}

/**
 * A full collection that waits for the server to be quiet. Each call after large work puts off the
 * one waiting (what was just done is collected with the rest), and so does each edit, of any
 * document: while someone types, no collection comes between an edit and its diagnostics.
 */
export class QuietCollection {
  private cancel: (() => void) | undefined;

  constructor(
    private readonly collect: () => void,
    /** Runs `run` after `delayMs`, and returns what cancels it. */
    private readonly schedule: (run: () => void, delayMs: number) => () => void,
  ) {}

  /**
   * Called when a document's text arrives, when a document was read from disk or settled and when
   * one closes, with its size; after a large one, memory is given back once things are quiet.
   */
  afterDocumentText(length: number): void {
    if (length >= LARGE_DOCUMENT) {
      this.arm(DELAY_MS);
    }
  }

  /** Called when a document's analysis is done (once it opened, after an edit or new settings), with its size. */
  afterDocumentWork(length: number): void {
    if (length >= LARGE_DOCUMENT) {
      this.arm(QUIET_MS);
    }
  }

  /** Called when an edit arrives: a collection waiting waits until the edits pause. */
  edited(): void {
    if (this.cancel) {
      this.arm(QUIET_MS);
    }
  }

  private arm(delayMs: number): void {
    this.cancel?.();
    this.cancel = this.schedule(() => {
      this.cancel = undefined;
      this.collect();
    }, delayMs);
  }
}

const collection = new QuietCollection(
  () => {
    // Twice: the first frees the garbage, and the pages it leaves empty or sparse are given back to
    // the system only by the next (on a 20 MB log, about 20 MB more, for some 20 ms more).
    const collectAll = fullCollection();
    collectAll?.();
    collectAll?.();
  },
  (run, delayMs) => {
    const timer = setTimeout(run, delayMs);
    timer.unref();
    return () => clearTimeout(timer);
  },
);

export const afterDocumentText = (length: number): void => collection.afterDocumentText(length);
export const afterDocumentWork = (length: number): void => collection.afterDocumentWork(length);
export const afterDocumentEdit = (): void => collection.edited();
