/*
 * What the command line's subcommands share: standard output that may be closed under the run,
 * errors on standard error, the exit statuses and the version.
 */

/** Exit statuses. */
export const EXIT_CLEAN = 0;
export const EXIT_FOUND = 1;
export const EXIT_TROUBLE = 2;

/** A command line that is wrong: its message and the usage go to standard error, with exit status 2. */
export class UsageError extends Error {}

/** How much output is gathered before it is written: one write of many lines costs what one of a line does. */
const WRITE_BYTES = 64 * 1024;

/**
 * Standard output that may be closed under the run: writes then stop, and the run ends quietly.
 * What is written is gathered and handed on in pieces of about 64 KB.
 */
export class Output {
  closed = false;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly stream: NodeJS.WriteStream) {
    // EPIPE (the reader went away), ENOSPC (the disk is full) and any other failure to write all
    // mean the same here: nobody can read the rest.
    stream.on('error', () => {
      this.closed = true;
    });
  }

  write(text: string): void {
    if (this.closed) {
      return;
    }
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= WRITE_BYTES) {
      this.hand();
    }
  }

  /** Resolves when what was written has been handed on, or the stream failed. */
  flush(): Promise<void> {
    this.hand();
    if (this.closed || this.stream.writableLength === 0) {
      return Promise.resolve();
    }
    return this.drained();
  }

  /**
   * Undefined while the reader keeps up; else a promise that resolves once the stream has taken
   * what it holds (or failed). A scan waits on it between pieces, so a reader slower than the scan
   * (a pipe into `less`, a busy CI log) holds the scan back instead of the output piling up in memory.
   */
  whenTaken(): Promise<void> | undefined {
    return this.closed || !this.stream.writableNeedDrain ? undefined : this.drained();
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.once('drain', done);
      this.stream.once('error', done);
      this.stream.once('close', done);
    });
  }

  /** Hands what was gathered on to the stream. */
  private hand(): void {
    if (this.pending.length === 0 || this.closed) {
      this.pending = [];
      this.pendingLength = 0;
      return;
    }
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    try {
      this.stream.write(text);
    } catch {
      this.closed = true;
    }
  }
}

export function problem(message: string): void {
  process.stderr.write(`error-codebook: ${message}\n`);
}

export function readVersion(): string {
  try {
    return (require('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
