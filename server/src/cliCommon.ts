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

/** Standard output that may be closed under the run: writes then stop, and the run ends quietly. */
export class Output {
  closed = false;

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
    try {
      this.stream.write(text);
    } catch {
      this.closed = true;
    }
  }

  /** Whether much is waiting to be written: a writer of large output waits (flush) before going on. */
  get backedUp(): boolean {
    return this.stream.writableLength >= 1 << 20;
  }

  /** Resolves when what was written has been handed on, or the stream failed. */
  flush(): Promise<void> {
    if (this.closed || this.stream.writableLength === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        resolve();
      };
      this.stream.once('drain', done);
      this.stream.once('error', done);
    });
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
