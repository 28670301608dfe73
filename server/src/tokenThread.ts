/*
 * The token filter on a thread of its own, for large files. While the stream scanner decides the
 * codes of one piece of a file, a worker runs the token filter (findTokenStarts) over the next
 * pieces: the same function over the same bytes, so the findings do not change, only the time, on
 * a machine with a core to spare. A piece the worker has not answered for when the scanner reaches
 * it is filtered in the scanner's thread, so the worker never holds the scan up.
 *
 * The worker is this file, bundled on its own (dist/tokenThread.js). Where that file is not there
 * (the sources run directly), or the scan runs in a worker thread itself, every piece is filtered
 * in the scanner's thread.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MessageChannel, MessagePort, Worker, isMainThread, parentPort, receiveMessageOnPort, workerData } from 'worker_threads';
import { TokenFilter, TokenFilterData, findTokenStarts, tokenFilterData, tokenFilterFrom } from './core/index';

const ROLE = 'error-codebook token filter';
/**
 * The smallest file worth a thread. Below it, what the thread saves is lost to starting it and to
 * the cores the editor shares (a 20 MB log read from disk came no sooner), and the thread's memory
 * would count against a document's.
 */
export const TOKEN_THREAD_MIN_BYTES = 32 * 1024 * 1024;
/** The worker's own file, next to this one's when bundled. */
const WORKER_FILE = path.join(__dirname, 'tokenThread.js');
/** Pieces handed to the worker ahead of the one the scanner reads. */
const AHEAD = 2;
/**
 * The pieces are copied into a ring of slots the worker reads from, so no memory is allocated per
 * piece: slot `id % SLOTS` holds piece `id`. A slot is written again only once its piece was taken
 * (see `withTokenStarts`); an answer the worker gives for it later is dropped.
 */
const SLOTS = AHEAD + 2;
/** A piece larger than a slot is filtered in the scanner's thread. */
const SLOT_BYTES = 2 * 1024 * 1024;

interface Setup {
  role: typeof ROLE;
  filter: TokenFilterData;
  port: MessagePort;
  ring: SharedArrayBuffer;
}

interface PieceToFilter {
  id: number;
  length: number;
}

interface FoundStarts {
  id: number;
  starts: Int32Array;
}

/**
 * How many threads a scan may use: one per core, unless ERROR_CODEBOOK_SCAN_THREADS says how many
 * (0 or 1: the scan's own thread alone).
 */
export function threadBudget(): number {
  const asked = Number(process.env.ERROR_CODEBOOK_SCAN_THREADS);
  return Number.isInteger(asked) && asked >= 0 ? asked : typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

export class TokenThread {
  private sent = 0;
  private readonly found = new Map<number, Int32Array>();
  private failed = false;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly ring: Uint8Array,
  ) {
    worker.on('error', () => {
      this.failed = true;
    });
    worker.unref();
  }

  /**
   * A thread for the token filter of this index, for a file of `bytes`; undefined when it would not
   * pay: a small file, a single core, a scan that runs in a worker thread, or no worker file.
   */
  static start(filter: TokenFilter, bytes: number, file = WORKER_FILE): TokenThread | undefined {
    if (bytes < TOKEN_THREAD_MIN_BYTES || threadBudget() < 2 || !isMainThread || !fs.existsSync(file)) {
      return undefined;
    }
    try {
      const { port1, port2 } = new MessageChannel();
      const ring = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
      const setup: Setup = { role: ROLE, filter: tokenFilterData(filter), port: port2, ring };
      const worker = new Worker(file, { workerData: setup, transferList: [port2] });
      return new TokenThread(worker, port1, new Uint8Array(ring));
    } catch {
      return undefined;
    }
  }

  /** Hands the worker a piece (copied into its slot); returns its number for `take`. */
  send(piece: Uint8Array): number {
    const id = this.sent++;
    if (!this.failed && piece.length <= SLOT_BYTES) {
      this.ring.set(piece, (id % SLOTS) * SLOT_BYTES);
      this.worker.postMessage({ id, length: piece.length } satisfies PieceToFilter);
    }
    return id;
  }

  /** The token starts the worker found in piece `id`, or undefined when it has not answered yet. */
  take(id: number): Int32Array | undefined {
    for (let message = receiveMessageOnPort(this.port); message !== undefined; message = receiveMessageOnPort(this.port)) {
      const { id: answered, starts } = message.message as FoundStarts;
      this.found.set(answered, starts);
    }
    const starts = this.found.get(id);
    // Answers come in order: those before this one will not be asked for.
    for (const answered of this.found.keys()) {
      if (answered <= id) {
        this.found.delete(answered);
      }
    }
    return starts;
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

/**
 * The pieces, each with the token starts a thread found in it when it did in time (else the
 * scanner runs the filter itself). Pieces are read ahead, so the worker filters the next ones while
 * the scanner decides this one. The thread is closed when the pieces end or the reader stops.
 */
export async function* withTokenStarts(pieces: AsyncIterable<Buffer>, thread: TokenThread | undefined): AsyncGenerator<{ piece: Buffer; starts: Int32Array | undefined }> {
  if (!thread) {
    for await (const piece of pieces) {
      yield { piece, starts: undefined };
    }
    return;
  }
  try {
    const ahead: { piece: Buffer; id: number }[] = [];
    for await (const piece of pieces) {
      ahead.push({ piece, id: thread.send(piece) });
      if (ahead.length > AHEAD) {
        const { piece: next, id } = ahead.shift()!;
        yield { piece: next, starts: thread.take(id) };
      }
    }
    for (const { piece, id } of ahead) {
      yield { piece, starts: thread.take(id) };
    }
  } finally {
    thread.close();
  }
}

/**
 * The worker reads a piece in parts of about this many bytes, each ending after a line feed: V8
 * keeps strings this short in its young generation, which it frees often, where a piece's string
 * would wait for a full collection. The filter starts each line afresh, so the parts' token
 * starts are the piece's.
 */
const PART_BYTES = 64 * 1024;
const LF = 10;

/** Where tokens the filter lets through start in a piece, found part by part: as in the piece whole. */
export function pieceTokenStarts(bytes: Buffer, filter: TokenFilter, partBytes = PART_BYTES): Int32Array {
  const found: number[] = [];
  for (let start = 0; start < bytes.length; ) {
    const lineFeed = start + partBytes < bytes.length ? bytes.indexOf(LF, start + partBytes) : -1;
    const end = lineFeed === -1 ? bytes.length : lineFeed + 1;
    for (const at of findTokenStarts(bytes.toString('latin1', start, end), filter)) {
      found.push(start + at);
    }
    start = end;
  }
  return Int32Array.from(found);
}

/** The worker's life: filter each piece it is sent, and send back where tokens start. */
function filterPieces(setup: Setup): void {
  const filter = tokenFilterFrom(setup.filter);
  parentPort!.on('message', ({ id, length }: PieceToFilter) => {
    const starts = pieceTokenStarts(Buffer.from(setup.ring, (id % SLOTS) * SLOT_BYTES, length), filter);
    setup.port.postMessage({ id, starts } satisfies FoundStarts, [starts.buffer as ArrayBuffer]);
  });
}

if (!isMainThread && (workerData as Partial<Setup> | undefined)?.role === ROLE) {
  filterPieces(workerData as Setup);
}
