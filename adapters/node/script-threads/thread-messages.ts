import type { MessagePort } from "node:worker_threads";
import type { SecretsTable } from "../../../src/runner/run-visit.ts";
import type { ErrorCode, RerunRequest, ServerMessage } from "../../../src/protocol/index.ts";
import type { MessageRing } from "./message-ring.ts";

/** The main thread asks a script thread to run one event. */
export interface RunOrder {
  type: "run";
  runId: number;
  /** The run's slot in `flags`: 1 there once its page has gone. */
  slot: number;
  request: RerunRequest;
  /** The session record as the main thread's store holds it, read along (see BridgedStorage.prime). */
  primed?: { key: string; value: unknown };
}

/** What a script thread tells the main thread. */
export type ThreadReport =
  /** The app is loaded: the thread takes events. */
  | { type: "loaded" }
  /** The event was refused before it started (`code` for a RequestError, else a failure to log). */
  | { type: "refused"; runId: number; code?: ErrorCode; message: string }
  /**
   * Messages too large for the thread's message ring (ScriptThreadData.ring), which holds
   * every other message for the pages: they take the place of the ring's POSTED mark.
   */
  | { type: "posted"; messages: ServerMessage[] }
  /** A run that lost a race asks to take back what it sent: the answer goes in RETRACT_SLOT. */
  | { type: "retract"; runId: number }
  /** The event is over (`failure`: what went wrong, for the log); its messages are in the ring. */
  | { type: "done"; runId: number; failure?: string };

/** Marks the data of a worker that is a script thread. */
export const SCRIPT_THREAD_MARK = "edgelitScriptThread";

/** What a script thread starts with, besides what its runtime adds (`setup`). */
export interface ScriptThreadData<Setup = unknown> {
  [SCRIPT_THREAD_MARK]: true;
  /**
   * Shared with the main thread, so it is read and written while a script runs without
   * yielding: [RETRACT_SLOT], then one slot per run in progress (see RunOrder.slot).
   */
  flags: Int32Array;
  /** When the thread's event loop last turned (Date.now()), written every HEARTBEAT_MS. */
  heartbeat: Float64Array;
  /** The runs' messages for their pages (see message-ring.ts). */
  ring: MessageRing;
  /**
   * The main thread's run orders (RunOrder, each under its run id): written without waking
   * the thread, which reads them as its runs move on; the main thread posts only to wake a
   * thread that sleeps (see `sleep`), and an order the ring has no room for.
   */
  orders: MessageRing;
  /** [0]: THREAD_SLEEPS while the thread holds no run, so a new order must wake it; else THREAD_AWAKE. */
  sleep: Int32Array;
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
  /** The secrets loaded at start (st.secrets). */
  secrets?: SecretsTable;
}

/** ScriptThreadData.sleep: the thread holds runs, and reads the order ring as they move on. */
export const THREAD_AWAKE = 0;
/** ScriptThreadData.sleep: the thread holds no run; only a posted message wakes it. */
export const THREAD_SLEEPS = 1;

/** 0 while a retract waits for its answer; then 1 (taken back) or 2 (too late). */
export const RETRACT_SLOT = 0;
/** How many events one thread runs at once (each waiting on its store in turn). */
export const RUNS_PER_THREAD = 32;
/** How often a script thread's event loop says it is turning. */
export const HEARTBEAT_MS = 20;

/** True when `data` (a worker's workerData) starts a script thread. */
export function isScriptThreadData(data: unknown): data is ScriptThreadData {
  return typeof data === "object" && data !== null && SCRIPT_THREAD_MARK in data;
}
