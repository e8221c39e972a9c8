import type { Storage } from "unstorage";
import type {
  RerunRequest,
  ServerMessage,
  UploadedFileRef,
  WidgetChange,
} from "../protocol/index.ts";
import type { MediaStore } from "../media/media-store.ts";
import { resolveUploads } from "./resolve-uploads.ts";
import { createUploadedFile } from "../media/uploaded-file.ts";
import { runEvent, type RunEventResult } from "../runner/run-event.ts";
import { resolveFragmentScope } from "../runner/fragment-scope.ts";
import { isTriggerKind, isUploadKind } from "../elements/kinds.ts";
import { changeRuns } from "./carried-events.ts";
import { markApplied } from "./event-sequence.ts";
import type { SessionRecord } from "../session/record.ts";
import type { SessionStore } from "../session/store.ts";
import type { SessionIdIssuer } from "../session/session-ticket.ts";
import { bringsChanges, freshRunId, holdsState, isFreshRunId } from "./fresh-session.ts";
import type { Cancellation } from "../runner/signals.ts";
import type { ScriptHost } from "../runner/script-host.ts";
import type { ShowErrorDetails } from "../runner/exception-props.ts";
import type { ScriptErrorReport } from "../runner/script-errors.ts";
import {
  describeError,
  shortSessionId,
  storeErrorLine,
  storeErrorMessage,
  type ServerLog,
} from "./server-log.ts";
import type { RunEnv } from "../runner/script-run.ts";
import { isRefusal, storeErrorKind } from "../session/store-error.ts";
import type { SecretsTable } from "../runner/run-visit.ts";
import { visitOf } from "./event-visit.ts";

/** What one event needs besides the request. */
export interface RerunContext {
  /** The app's entry points and the widget rules (see createScriptHost). */
  host: ScriptHost;
  sessions: SessionStore;
  /** Issues new session ids and recognises them when their session was never saved. */
  sessionIds: SessionIdIssuer;
  media: MediaStore;
  dev: boolean;
  /** How much of an error the app did not catch the page sees. Default `full`. */
  showErrorDetails?: ShowErrorDetails;
  /** Where script errors and store errors are logged, one entry each. */
  log: ServerLog;
  /** The longest a run may take. */
  maxRunSeconds?: number;
  /** The largest element sent to the page, in bytes of JSON. */
  maxMessageBytes?: number;
  /** The store `cacheData` uses during the run. */
  cacheStorage?: Storage;
  /** The runtime's bindings the app reads as `st.context.env`, unless a request brings its own. */
  env?: RunEnv;
  /** Secrets loaded from files when the server started (`st.secrets`; `env` lies over them). */
  secrets?: SecretsTable;
  /** The login providers of the app's `[auth]` section, when it has one. */
  authProviders?: readonly string[];
  /** Told of the record of a run that was not saved (it held nothing to keep): AppTest shows it. */
  onUnsaved?: (sessionId: string, record: SessionRecord) => void;
  /**
   * Runs events somewhere else than this thread (the Node adapter's script threads): when set,
   * `handleRerun` hands every event to it.
   */
  dispatch?: RerunDispatch;
  /** Send each element as soon as it is made (see RunEventOptions.sendAtOnce): a run in a worker thread. */
  sendAtOnce?: boolean;
}

/** Runs one event elsewhere, with `handleRerun`'s contract: `ready` once the session is loaded, then `done`. */
export type RerunDispatch = (
  request: RerunRequest,
  output: RerunOutput,
) => { ready: Promise<void>; done: Promise<void> };

/** Where a run's messages go. */
export interface RerunOutput {
  send(messages: ServerMessage[]): void;
  /**
   * Takes back what was sent, if none of it has reached the client yet, so a
   * run that lost a race can be replaced by a fresh one. False once it has.
   */
  retract(): boolean;
  /** Aborted when the page has gone (it sent a newer event, or closed): the run stops and saves nothing. */
  signal?: Cancellation;
}

/** Runs the event once against a loaded record and saves it: "conflict" if another writer won. */
export async function runOnce(
  context: RerunContext,
  request: RerunRequest,
  sessionId: string,
  record: SessionRecord,
  fresh: boolean,
  output: RerunOutput,
  env: RunEnv | undefined,
): Promise<"saved" | "unsaved" | "conflict" | "failed" | "interrupted"> {
  const startedAt = performance.now();
  const loadedVersion = record.version;
  // Unique per saved run of this session: a run that is not saved never finishes, or finishes
  // with a fresh run id (see fresh-session.ts).
  const runId = (loadedVersion + 1).toString(36);
  // A page that holds a never-saved run keeps its elements: they are all sent again, in place.
  const heldFresh = fresh && isFreshRunId(request.lastRunId);
  const reset =
    !heldFresh && (request.lastRunId === null || request.lastRunId !== record.lastRunId);
  const openUpload = (ref: UploadedFileRef) =>
    createUploadedFile(ref, () => context.media.getUploadBytes(sessionId, ref.id), {
      open: async () => (await context.media.openUpload(sessionId, ref.id))?.stream(),
      // Shown as media, a file is served from its own chunks: no run reads or hashes it.
      showAsMedia: (type) => context.media.putUploadMedia(sessionId, ref.id, type, record.media),
    });
  // Media are stored as the run shows them, before the element that shows them is sent.
  const storeMedia = (bytes: Uint8Array, type: string, sealed?: boolean) =>
    context.media.putMedia(bytes, type, record.media, sealed);
  const reportError: ScriptErrorReport = (error, site) =>
    context.log.error(
      `[edgelit] script error in ${site} (session ${shortSessionId(sessionId)}): ${describeError(error)}`,
    );
  const visit = visitOf(context.secrets, request, context.authProviders);
  const common = {
    host: context.host,
    record,
    openUpload,
    storeMedia,
    dev: context.dev,
    showErrorDetails: context.showErrorDetails,
    reportError,
    cacheStorage: context.cacheStorage,
    sessionId,
    signal: output.signal,
    maxRunSeconds: context.maxRunSeconds,
    maxMessageBytes: context.maxMessageBytes,
    env,
    visit,
  };
  // The URL the page shows picks the page and the query params; each run starts where the last ended.
  const shownUrl = request.url ?? record.url ?? "/";
  let url = shownUrl;
  let switchedPage = false;
  // What the page holds, to send only what differs from it.
  let clientTree = reset ? {} : record.tree;
  // A session never saved has no widgets and no tree yet. For an event with changes, a first run
  // without them draws both, so the changes apply as they would to a saved record, and the page
  // gets only what differs from what it holds when that run drew exactly what the page shows.
  // Without changes (a page switch), the page's elements are all sent again, in place.
  if (fresh && bringsChanges(request)) {
    const rebuilt = await runEvent({
      ...common,
      changes: [],
      previousTree: {},
      send: () => {},
      url,
    });
    if (rebuilt.outcome === "interrupted") return "interrupted";
    url = rebuilt.url;
    switchedPage ||= rebuilt.switchedPage;
    clientTree = heldFresh && request.lastRunId === freshRunId(record.tree) ? record.tree : {};
  }
  // A repeat of the event this record already holds applies nothing again; carried events it
  // has not applied come first (see changeRuns).
  const isTrigger = (widgetId: string) => {
    const widget = record.widgets[widgetId];
    return !!widget && isTriggerKind(widget.kind);
  };
  let runs: (readonly WidgetChange[])[];
  try {
    const pending = changeRuns(request, record, isTrigger);
    // Almost every event is one run: no Promise.all for it.
    runs =
      pending.length === 1
        ? [await resolveUploads(pending[0]!, record, sessionId, context.media)]
        : await Promise.all(
            pending.map((changes) => resolveUploads(changes, record, sessionId, context.media)),
          );
  } catch (error) {
    logStoreError(context, "reading the uploads of", sessionId, error);
    // Uploads live in the media storage when one is set apart: not always the session store.
    output.send([storeFailure(context, error, "The store that keeps uploads is unavailable")]);
    return "failed";
  }
  // Earlier runs only replay clicks that could not share the last run; the page sees the last one.
  for (const changes of runs.slice(0, -1)) {
    const silent = await runEvent({
      ...common,
      changes,
      previousTree: {},
      send: () => {},
      silent: true,
      url,
    });
    if (silent.outcome === "interrupted") return "interrupted";
    url = silent.url;
    switchedPage ||= silent.switchedPage;
  }
  // A fragment reruns alone only against the tree the page holds, on the page the record
  // last ran (not after a page change), and only for one run's changes.
  const samePage = url === (record.url ?? "/");
  const scope =
    !reset && !fresh && samePage && runs.length === 1
      ? resolveFragmentScope(record, request.fragment, runs[0]!)
      : undefined;
  output.send([
    scope
      ? { type: "start", sessionId, runId, reset, scope: scope.state.path }
      : { type: "start", sessionId, runId, reset },
  ]);
  // Built field by field (no spread of `common`): this is every event's path.
  const last = await runEvent({
    host: context.host,
    record,
    openUpload,
    storeMedia,
    dev: context.dev,
    showErrorDetails: context.showErrorDetails,
    reportError,
    cacheStorage: context.cacheStorage,
    sessionId,
    signal: output.signal,
    maxRunSeconds: context.maxRunSeconds,
    maxMessageBytes: context.maxMessageBytes,
    env,
    visit,
    url,
    scope,
    // A dialog the app made undismissible is only rerun, whatever the page says.
    dismiss:
      scope !== undefined &&
      request.fragment?.dismiss === true &&
      scope.definition.dialog?.dismissible === true,
    changes: runs.at(-1)!,
    previousTree: clientTree,
    send: (messages) => output.send(messages),
    sendAtOnce: context.sendAtOnce,
  });
  // The page has gone: nothing of this run is kept, and its changes come back carried by the next event.
  if (last.outcome === "interrupted") return "interrupted";
  // A new session whose run left nothing to keep is not saved (see fresh-session.ts).
  if (fresh && !bringsChanges(request) && !holdsState(record, last.widgetValuesSet)) {
    context.onUnsaved?.(sessionId, record);
    finishRun(output, last, shownUrl, switchedPage, freshRunId(record.tree), startedAt);
    return "unsaved";
  }
  record.lastRunId = runId;
  markApplied(record, request);
  let saved;
  try {
    // The run stored its media before sending the elements that show them.
    record.media = context.media.keepWritten(record.media);
    record.uploads = await context.media.renewUploads(
      sessionId,
      heldUploads(record),
      record.uploads ?? {},
    );
    saved = await context.sessions.save(sessionId, record, loadedVersion);
  } catch (error) {
    // A TypeError is a record that cannot be encoded (a function in st.session, say), not the store.
    const unsaveable = error instanceof TypeError;
    if (unsaveable)
      context.log.error(
        `[edgelit] session ${shortSessionId(sessionId)} could not be saved: ${error.message}`,
      );
    else logStoreError(context, "saving", sessionId, error);
    output.send([
      unsaveable
        ? { type: "error", code: "internal", message: error.message }
        : storeFailure(context, error, "The session could not be saved"),
    ]);
    return "failed";
  }
  if (!saved) return "conflict";
  finishRun(output, last, shownUrl, switchedPage, runId, startedAt);
  return "saved";
}

/**
 * Ends a run that is over for good (saved, or left nothing to save): the URL
 * the browser should show, then `finish`. Only such a run moves the browser:
 * a retried one would otherwise start on the page it switched to. `finish`
 * comes last: a client that saw it holds a run the next event can build on.
 */
function finishRun(
  output: RerunOutput,
  last: RunEventResult,
  shownUrl: string,
  switchedPage: boolean,
  runId: string,
  startedAt: number,
): void {
  if (last.url !== shownUrl)
    output.send([
      {
        type: "url",
        url: last.url,
        history: switchedPage || last.switchedPage ? "push" : "replace",
      },
    ]);
  output.send([
    {
      type: "finish",
      runId,
      counts: last.counts,
      elapsedMs: Math.round(performance.now() - startedAt),
    },
  ]);
}

/** One log entry for a store operation that failed: what it was, for which session, and the store's message. */
export function logStoreError(
  context: RerunContext,
  operation: string,
  sessionId: string,
  error: unknown,
): void {
  context.log.error(
    `[edgelit] store error while ${operation} session ${shortSessionId(sessionId)}: ${storeErrorLine(error)}`,
  );
}

/** The store's own message for the page (it can name a host and port): shown only with showErrorDetails "full". */
export function storeDetail(context: RerunContext, error: unknown): string {
  const details = context.showErrorDetails ?? "full";
  return details === "full" ? `: ${storeErrorMessage(error)}` : ".";
}

/**
 * The page's error for a store failure: `store_refused` when the store
 * answered and refused (read-only, full, not confirmed by enough replicas),
 * else `store_unavailable`. Either way the page sends the event again, under
 * the same id, and says which it is.
 */
export function storeFailure(
  context: RerunContext,
  error: unknown,
  unavailable: string,
): { type: "error"; code: "store_refused" | "store_unavailable"; message: string } {
  const kind = storeErrorKind(error);
  if (isRefusal(kind))
    return {
      type: "error",
      code: "store_refused",
      message: `The session store refused the save (${kind})${storeDetail(context, error)}`,
    };
  return {
    type: "error",
    code: "store_unavailable",
    message: `${unavailable}${storeDetail(context, error)}`,
  };
}

/** The ids of the files the session's upload widgets hold. */
function heldUploads(record: SessionRecord): string[] {
  const held: string[] = [];
  for (const id in record.widgets) {
    const widget = record.widgets[id]!;
    if (isUploadKind(widget.kind) && Array.isArray(widget.value))
      for (const ref of widget.value as UploadedFileRef[]) held.push(ref.id);
  }
  return held;
}
