import type { RerunRequest, ServerMessage } from "../../../src/protocol/index.ts";
import { RequestError } from "../../../src/server/errors.ts";
import type { RerunOutput } from "../../../src/server/handle-rerun.ts";
import type { ErrorCode } from "../../../src/protocol/index.ts";

/**
 * One event handed to the script threads, seen from the main thread: the promises its HTTP
 * route waits on (`ready`, `done`, as handleRerun gives them) and where its messages go.
 */
export class ThreadRun {
  readonly ready: Promise<void>;
  readonly done: Promise<void>;
  /** Resolves once the event is over, however it ended (events of its session wait on it). */
  readonly ended: Promise<void>;
  /** Its slot in its thread's flags. */
  slot = 0;
  timer: ReturnType<typeof setTimeout> | undefined;
  private isReady = false;
  private markReady!: (error?: unknown) => void;
  private markDone!: (error?: unknown) => void;
  private markEnded!: () => void;

  constructor(
    readonly runId: number,
    readonly request: RerunRequest,
    readonly output: RerunOutput,
  ) {
    this.ready = new Promise((resolve, reject) => {
      this.markReady = (error) => (error ? reject(error) : resolve());
    });
    this.done = new Promise((resolve, reject) => {
      this.markDone = (error) => (error ? reject(error) : resolve());
    });
    this.ended = new Promise((resolve) => (this.markEnded = resolve));
    // Whoever waits on them hears of a failure; one no one waits on (done, after a refusal) is no crash.
    this.ready.catch(() => {});
    this.done.catch(() => {});
  }

  /** Calls `abort` when the page has gone (now, if it already has). */
  watchAbort(abort: () => void): void {
    const signal = this.output.signal;
    if (signal?.aborted) abort();
    else if (signal) signal.onabort = abort;
  }

  /** Messages from the thread; the first says the session is loaded. */
  send(messages: ServerMessage[]): void {
    this.markStarted();
    this.output.send(messages);
  }

  /** Refused before it started: an HTTP error answer (a RequestError), or a failure to log. */
  refused(code: ErrorCode | undefined, message: string): void {
    this.isReady = true;
    this.markReady(code ? new RequestError(code, message) : new Error(message));
  }

  /** The thread says the event is over. */
  finish(failure: string | undefined): void {
    const error = failure === undefined ? undefined : new Error(failure);
    if (!this.isReady) {
      this.isReady = true;
      this.markReady(error);
    }
    this.end(error);
  }

  /** The event cannot finish in its thread: the page gets `error` (an HTTP refusal before its answer began). */
  fail(error: RequestError): void {
    if (!this.isReady) {
      this.isReady = true;
      this.markReady(error);
    } else {
      this.output.send([{ type: "error", code: error.code, message: error.message }]);
    }
    this.end(undefined);
  }

  private markStarted(): void {
    if (this.isReady) return;
    this.isReady = true;
    this.markReady();
  }

  private end(error: Error | undefined): void {
    clearTimeout(this.timer);
    const signal = this.output.signal;
    if (signal) signal.onabort = null;
    this.markDone(error);
    this.markEnded();
  }
}
