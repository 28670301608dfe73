/*
 * What happens when the server crashes: restart it, up to a limit within a time window, and tell
 * the user once per session rather than once per crash.
 */
import { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult, Message } from 'vscode-languageclient/node';

export interface CrashNotice {
  /** The server stopped and was restarted (shown at most once per session). */
  restarted(): void;
  /** The server crashed too often and stays stopped (shown at most once per session). */
  gaveUp(crashes: number, minutes: number): void;
  /** Written to the output channel for every crash. */
  log(message: string): void;
}

export interface RestartPolicy {
  maxRestarts: number;
  windowMs: number;
}

const DEFAULT_RESTART_POLICY: RestartPolicy = { maxRestarts: 5, windowMs: 3 * 60 * 1000 };

export class RestartingErrorHandler implements ErrorHandler {
  private readonly crashes: number[] = [];
  private toldRestarted = false;
  private toldGaveUp = false;

  constructor(
    private readonly notice: CrashNotice,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.notice.log(`Connection error (${count ?? 1}): ${error.message}`);
    // A few write/read errors in a row are survivable; more mean the connection is gone.
    return count !== undefined && count <= 3 ? { action: ErrorAction.Continue, handled: true } : { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > this.policy.windowMs) {
      this.crashes.shift();
    }
    if (this.crashes.length > this.policy.maxRestarts) {
      this.notice.log(`The server stopped ${this.crashes.length} times in ${Math.round(this.policy.windowMs / 60000)} minutes; it is not restarted.`);
      if (!this.toldGaveUp) {
        this.toldGaveUp = true;
        this.notice.gaveUp(this.crashes.length, Math.round(this.policy.windowMs / 60000));
      }
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.notice.log('The server stopped unexpectedly; restarting it.');
    if (!this.toldRestarted) {
      this.toldRestarted = true;
      this.notice.restarted();
    }
    return { action: CloseAction.Restart, handled: true };
  }

  /** After a restart the user asked for, the server gets a fresh allowance. */
  reset(): void {
    this.crashes.length = 0;
    this.toldGaveUp = false;
  }
}
