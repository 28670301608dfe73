/*
 * The token filter and the scanning of the lines it lets through, on a thread of their own, for
 * large files. While the stream scanner decides the codes of one piece of a file, a worker runs
 * the token filter and scanLine over the next pieces (scanPieceLines): the same functions over the
 * same bytes, so the findings do not change, only the time, on a machine with a core to spare. A
 * piece the worker has not answered for when the scanner reaches it is read in the scanner's
 * thread, so the worker never holds the scan up.
 *
 * The worker is this file, bundled on its own (dist/scanThread.js). It builds the same index of the
 * same catalogs (CodeIndex.sources). Where that file is not there (the sources run directly), or the
 * scan runs in a worker thread itself, every piece is read in the scanner's thread.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MessageChannel, MessagePort, Worker, isMainThread, parentPort, receiveMessageOnPort, workerData } from 'worker_threads';
import { CodeIndex, LineScans, scanPieceLines } from './core/index';
import { UTF8_BYTES } from './utf8Bytes';

const ROLE = 'error-codebook line scanner';
/**
 * The smallest file worth a thread. Below it, what the thread saves is lost to starting it and to
 * the cores the editor shares (a 20 MB log read from disk came no sooner), and the thread's memory
 * would count against a document's.
 */
export const SCAN_THREAD_MIN_BYTES = 32 * 1024 * 1024;
/** The worker's own file, next to this one's when bundled. */
const WORKER_FILE = path.join(__dirname, 'scanThread.js');
/**
 * Pieces handed to the worker ahead of the one the scanner reads. The two threads take about as long
 * over a piece, so a few in hand let the worker get through a pause (a collection, a busy core)
 * without the scanner catching up with it.
 */
const AHEAD = 6;
/**
 * The pieces are copied into a ring of slots the worker reads from, so no memory is allocated per
 * piece: slot `id % SLOTS` holds piece `id`. A slot is written again only once its piece was taken
 * (see `withLineScans`).
 */
const SLOTS = AHEAD + 2;
/** A piece larger than a slot is read in the scanner's thread. */
const SLOT_BYTES = 2 * 1024 * 1024;
/**
 * Who reads the piece in a slot, kept in a shared array so the two threads agree without a message:
 * a piece is read once, by whichever thread claims it first. The scanner claims a piece the worker
 * has not started, and waits for one it is reading. A slot's claim is `claim(id, state)`, so a
 * claim made for an earlier piece of the slot fails.
 */
const PENDING = 0;
const WORKER_READS = 1;
const SCANNER_READS = 2;
const READ = 3;
/** Piece numbers are kept modulo this in a claim: far more than the slots, and within 32 bits. */
const CLAIM_IDS = 1 << 28;
const claim = (id: number, state: number): number => ((id % CLAIM_IDS) << 2) | state;
/**
 * The longest the scanner waits for a piece the worker is reading (it takes ~10 ms): the event loop
 * of the language server waits with it. Past it, the scanner reads the piece itself.
 */
const WAIT_MS = 250;

interface Setup {
  role: typeof ROLE;
  catalogs: CodeIndex['sources'];
  port: MessagePort;
  ring: SharedArrayBuffer;
  /** One claim per slot: `claim(id, state)`. */
  claims: SharedArrayBuffer;
}

interface PieceToScan {
  id: number;
  length: number;
}

interface FoundInPiece {
  id: number;
  scans: LineScans;
}

/**
 * How many threads a scan may use: one per core, unless ERROR_CODEBOOK_SCAN_THREADS says how many
 * (0 or 1: the scan's own thread alone).
 */
export function threadBudget(): number {
  const asked = Number(process.env.ERROR_CODEBOOK_SCAN_THREADS);
  return Number.isInteger(asked) && asked >= 0 ? asked : typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

export class ScanThread {
  private sent = 0;
  private readonly found = new Map<number, LineScans>();
  private failed = false;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly ring: Uint8Array,
    private readonly claims: Int32Array,
  ) {
    worker.on('error', () => {
      this.failed = true;
    });
    worker.unref();
  }

  /**
   * A thread that reads pieces with this index, for a file of `bytes`; undefined when it would not
   * pay: a small file, a single core, a scan that runs in a worker thread, or no worker file.
   */
  static start(index: CodeIndex, bytes: number, file = WORKER_FILE): ScanThread | undefined {
    if (bytes < SCAN_THREAD_MIN_BYTES || threadBudget() < 2 || !isMainThread || !fs.existsSync(file)) {
      return undefined;
    }
    try {
      const { port1, port2 } = new MessageChannel();
      const ring = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
      const claims = new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
      const setup: Setup = { role: ROLE, catalogs: index.sources, port: port2, ring, claims };
      const worker = new Worker(file, { workerData: setup, transferList: [port2] });
      return new ScanThread(worker, port1, new Uint8Array(ring), new Int32Array(claims));
    } catch {
      return undefined;
    }
  }

  /** Hands the worker a piece (copied into its slot); returns its number for `take`. */
  send(piece: Uint8Array): number {
    const id = this.sent++;
    const slot = id % SLOTS;
    if (!this.failed && piece.length <= SLOT_BYTES) {
      this.ring.set(piece, slot * SLOT_BYTES);
      Atomics.store(this.claims, slot, claim(id, PENDING));
      this.worker.postMessage({ id, length: piece.length } satisfies PieceToScan);
    } else {
      Atomics.store(this.claims, slot, claim(id, SCANNER_READS));
    }
    return id;
  }

  /** Whether the worker has read piece `id`, so `take` answers for it without waiting. */
  hasRead(id: number): boolean {
    return Atomics.load(this.claims, id % SLOTS) === claim(id, READ);
  }

  /**
   * What the worker found in piece `id`; undefined when the scanner is to read it itself: the worker
   * had not started it (it will not now), or failed.
   */
  take(id: number): LineScans | undefined {
    const slot = id % SLOTS;
    const before = Atomics.compareExchange(this.claims, slot, claim(id, PENDING), claim(id, SCANNER_READS));
    if (before === claim(id, WORKER_READS) && Atomics.wait(this.claims, slot, before, WAIT_MS) === 'timed-out') {
      return undefined;
    }
    for (let message = receiveMessageOnPort(this.port); message !== undefined; message = receiveMessageOnPort(this.port)) {
      const { id: answered, scans } = message.message as FoundInPiece;
      this.found.set(answered, scans);
    }
    const scans = this.found.get(id);
    // Answers come in order: those before this one will not be asked for.
    for (const answered of this.found.keys()) {
      if (answered <= id) {
        this.found.delete(answered);
      }
    }
    return scans;
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

/**
 * The pieces, each with what a thread found in it when it did in time (else the scanner reads it
 * itself). Pieces are read ahead, so the worker reads the next ones while the scanner decides this
 * one. The thread is closed when the pieces end or the reader stops.
 */
export async function* withLineScans(pieces: AsyncIterable<Buffer>, thread: ScanThread | undefined): AsyncGenerator<{ piece: Buffer; scans: LineScans | undefined }> {
  if (!thread) {
    for await (const piece of pieces) {
      yield { piece, scans: undefined };
    }
    return;
  }
  try {
    const ahead: { piece: Buffer; id: number }[] = [];
    for await (const piece of pieces) {
      ahead.push({ piece, id: thread.send(piece) });
      if (ahead.length > AHEAD) {
        const { piece: next, id } = ahead.shift()!;
        yield { piece: next, scans: thread.take(id) };
      }
    }
    for (const { piece, id } of ahead) {
      yield { piece, scans: thread.take(id) };
    }
  } finally {
    thread.close();
  }
}

/** The worker's life: build the index, read each piece it is sent, and send back what it found. */
function scanPieces(setup: Setup): void {
  const index = new CodeIndex(setup.catalogs);
  const claims = new Int32Array(setup.claims);
  parentPort!.on('message', ({ id, length }: PieceToScan) => {
    const slot = id % SLOTS;
    if (Atomics.compareExchange(claims, slot, claim(id, PENDING), claim(id, WORKER_READS)) !== claim(id, PENDING)) {
      // The scanner reached this piece first and reads it itself.
      return;
    }
    const scans = scanPieceLines(Buffer.from(setup.ring, slot * SLOT_BYTES, length), index, UTF8_BYTES);
    // The answer is on its way before the scanner, which may be waiting, is told the piece was read.
    setup.port.postMessage({ id, scans } satisfies FoundInPiece, [scans.starts.buffer, scans.lines.buffer, scans.occurrences.buffer] as ArrayBuffer[]);
    // A scanner that gave up waiting may have put the slot's next piece there since: its claim stays.
    Atomics.compareExchange(claims, slot, claim(id, WORKER_READS), claim(id, READ));
    Atomics.notify(claims, slot);
  });
}

if (!isMainThread && (workerData as Partial<Setup> | undefined)?.role === ROLE) {
  scanPieces(workerData as Setup);
}
