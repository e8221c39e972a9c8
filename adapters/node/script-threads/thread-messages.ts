import type { MessagePort } from "node:worker_threads";
import type { ErrorCode, RerunRequest, ServerMessage } from "../../../src/protocol/index.ts";

/** The main thread asks a script thread to run one event. */
export interface RunOrder {
  type: "run";
  runId: number;
  request: RerunRequest;
}

/** What a script thread tells the main thread. */
export type ThreadReport =
  /** The app is loaded: the thread takes events. */
  | { type: "loaded" }
  /** The session is loaded: the answer may start. */
  | { type: "ready"; runId: number }
  /** The event was refused before it started (`code` for a RequestError, else a failure to log). */
  | { type: "refused"; runId: number; code?: ErrorCode; message: string }
  /** Messages for the page, in order. */
  | { type: "send"; runId: number; messages: ServerMessage[] }
  /** A run that lost a race asks to take back what it sent: the answer goes in RETRACT_SLOT. */
  | { type: "retract"; runId: number }
  /** The event is over (`failure`: what went wrong, for the log). */
  | { type: "done"; runId: number; failure?: string };

/** Marks the data of a worker that is a script thread. */
export const SCRIPT_THREAD_MARK = "edgelitScriptThread";

/** What a script thread starts with, besides what its runtime adds (`setup`). */
export interface ScriptThreadData<Setup = unknown> {
  [SCRIPT_THREAD_MARK]: true;
  /**
   * Shared with the main thread, so it is read and written while a script runs without
   * yielding: [ABORT_SLOT] and [RETRACT_SLOT].
   */
  shared: Int32Array;
  /** The main thread's store, when the thread cannot open it itself (memory, an object). */
  storagePort?: MessagePort;
  /** The server options the thread's runs need (limits, dev, media secret). */
  server: ThreadServerOptions;
  /** How the runtime loads the app in the thread (the CLI: its file and storage setting). */
  setup: Setup;
}

/** The server options a script thread's runs read. */
export interface ThreadServerOptions {
  dev?: boolean;
  showErrorDetails?: "full" | "stacktrace" | "type" | "none";
  sessionTtlSeconds?: number;
  maxRunSeconds?: number;
  maxMessageBytes?: number;
  mediaSecret?: string;
}

/** 1 while the page of the thread's current run has gone. */
export const ABORT_SLOT = 0;
/** 0 while a retract waits for its answer; then 1 (taken back) or 2 (too late). */
export const RETRACT_SLOT = 1;

/** True when `data` (a worker's workerData) starts a script thread. */
export function isScriptThreadData(data: unknown): data is ScriptThreadData {
  return typeof data === "object" && data !== null && SCRIPT_THREAD_MARK in data;
}
