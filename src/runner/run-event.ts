import type { Storage } from "unstorage";
import type { RunVisit } from "./run-visit.ts";
import { withCacheStorage } from "../cache/cache-storage.ts";
import { withCacheRun } from "../cache/cache-run.ts";
import { cacheRunOf } from "./cache-run-of.ts";
import type { ShowErrorDetails } from "./exception-props.ts";
import { ScriptErrors, errorSite, type ScriptErrorReport } from "./script-errors.ts";
import type { UploadedFile } from "../media/uploaded-file.ts";
import {
  ROOTS,
  type ElementMessage,
  type ServerMessage,
  type UploadedFileRef,
  type WidgetChange,
} from "../protocol/index.ts";
import type { SessionRecord } from "../session/record.ts";
import { cloneRecord } from "../session/large-values.ts";
import { applyChanges } from "./apply-changes.ts";
import { MISSING_SUBMIT_BUTTON } from "./run-forms.ts";
import { closeDialog } from "./close-dialog.ts";
import type { FragmentScope } from "./fragment-tracker.ts";
import { rerunFragment } from "./rerun-fragment.ts";
import { RunLocation } from "./location.ts";
import type { ScriptHost } from "./script-host.ts";
import { ScriptRun, type RunEnv } from "./script-run.ts";
import {
  InterruptSignal,
  RerunSignal,
  RunTimeoutError,
  StopSignal,
  isControlSignal,
  type Cancellation,
} from "./signals.ts";
import { EdgelitApiError } from "../errors/api-error.ts";

/** Input of {@link runEvent}. */
export interface RunEventOptions {
  /** The app's entry points and the widget rules (see ScriptHost). */
  host: ScriptHost;
  /** The loaded record; it is updated in place. */
  record: SessionRecord;
  changes: readonly WidgetChange[];
  /** Element hashes the client holds; empty when it must receive everything. */
  previousTree: Record<string, string>;
  /** Receives the messages of the run in batches, as they become ready. */
  send: (messages: ServerMessage[]) => void;
  /** Show stacks of script errors in the page. */
  dev?: boolean;
  /** How much of an error the app did not catch the page sees (see ShowErrorDetails). Default `full`. */
  showErrorDetails?: ShowErrorDetails;
  /** Told of every error the app did not catch (the server logs them). */
  reportError?: ScriptErrorReport;
  /** How many times `st.rerun()` may restart one event before it counts as a loop. Default 100. */
  maxReruns?: number;
  /** The store `cacheData` uses in this run's app code (see src/cache/cache-storage.ts). */
  cacheStorage?: Storage;
  /** The session's id, which `cacheData(fn, { scope: "session" })` keys its results by. */
  sessionId?: string;
  /** Opens this session's uploaded files for the app. */
  openUpload?: (ref: UploadedFileRef) => UploadedFile;
  /** Stores media bytes the app shows and gives their id; elements showing them are sent after. */
  storeMedia?: (bytes: Uint8Array, type: string, sealed?: boolean) => Promise<string>;
  /** Aborted when the page has gone: the run stops at its next st.* call. */
  signal?: Cancellation;
  /** The longest a run may take before it stops with an error in the page. */
  maxRunSeconds?: number;
  /** The largest element the page is sent, in bytes of JSON; a larger one shows as an error. */
  maxMessageBytes?: number;
  /**
   * Run for the state only (a carried event with a click): the page is not
   * told, and what the client holds (record.tree) is left as it was.
   */
  silent?: boolean;
  /** The page's URL (path and query) the run starts from. Default: the record's, else `/`. */
  url?: string;
  /** Rerun only this fragment (see resolveFragmentScope); the rest of the page stays as the client holds it. */
  scope?: FragmentScope;
  /** The user dismissed the dialog `scope`: close it instead of rerunning it. */
  dismiss?: boolean;
  /** The runtime's bindings the app reads as `st.context.env`. */
  env?: RunEnv;
  /** Secrets, this event's request and browser, and the logged-in user. */
  visit?: RunVisit;
  /**
   * Hand each element to `send` as soon as it is made, without waiting for the script to yield:
   * a run in a worker thread, whose messages another thread streams, even from a loop that
   * never awaits. Progress notes still wait for the script to yield.
   */
  sendAtOnce?: boolean;
}

/** How the run ended, and the child counts of every block for the finish message. */
export interface RunEventResult {
  outcome: "completed" | "stopped" | "failed" | "interrupted";
  counts: Record<string, number>;
  /** The URL the run ended on (a page switch, query params written), and whether it switched pages. */
  url: string;
  switchedPage: boolean;
  /** A widget's value was set through `st.session` (see WidgetRegistry.valuesSet). */
  widgetValuesSet: boolean;
}

/**
 * Handles one event: applies the widget changes, runs the callbacks of the
 * widgets that changed, and reruns the app script, streaming the elements
 * that differ from what the client holds. Nothing is saved here.
 */
export async function runEvent(options: RunEventOptions): Promise<RunEventResult> {
  const { host, record, dev = false } = options;
  // Callbacks are functions, so they cannot be stored: when a changed widget
  // had one, replay the previous state up to that widget to find it.
  const needsDiscovery = options.changes.some((change) => record.widgets[change.id]?.hasCallback);
  // A copy that leaves large st.session values unparsed until the discovery pass reads them.
  const before = needsDiscovery ? cloneRecord(record) : undefined;
  const applied = applyChanges(record, options.changes, host.widgets);

  const batcher = createBatcher(
    options.send,
    options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    options.sendAtOnce ?? false,
  );
  for (const refusal of applied.refused) batcher.push({ type: "refused", ...refusal });

  const location = new RunLocation(options.url ?? record.url ?? "/");
  const maxRunSeconds = options.maxRunSeconds;
  const run = new ScriptRun({
    record,
    mode: "render",
    host,
    location,
    dev,
    errors: new ScriptErrors({
      dev,
      showErrorDetails: options.showErrorDetails,
      report: options.reportError,
    }),
    previousTree: options.previousTree,
    send: (message) => batcher.push(message),
    triggers: applied.triggers,
    signal: options.signal,
    deadline:
      maxRunSeconds === undefined
        ? undefined
        : { at: performance.now() + maxRunSeconds * 1000, seconds: maxRunSeconds },
    openUpload: options.openUpload,
    storeMedia: options.storeMedia,
    onActivity: () => batcher.touch(),
    scope: options.scope,
    env: options.env,
    visit: options.visit,
  });
  batcher.onFlush = () => {
    const counts = run.placement.emitter.takeProgress();
    return counts ? { type: "progress", counts } : undefined;
  };

  const withCallbacks = applied.changed.filter((id) => record.widgets[id]?.hasCallback);
  const failedCallback =
    before && withCallbacks.length
      ? await runCallbacks({
          host,
          before,
          run,
          widgetIds: withCallbacks,
          dev,
          cacheStorage: options.cacheStorage,
          sessionId: options.sessionId,
          scope: options.scope,
        })
      : undefined;

  let outcome: RunEventResult["outcome"];
  if (failedCallback) {
    run.emit(errorBlock(run), "exception", run.uncaught(failedCallback.error, failedCallback.site));
    outcome = "failed";
  } else {
    const closed =
      options.scope && options.dismiss
        ? await closeDialog(run, options.scope, options.cacheStorage)
        : "rerun";
    outcome =
      closed === "rerun"
        ? await runScript(run, options.maxReruns ?? 100, options.cacheStorage, options.sessionId)
        : closed;
  }
  await run.placement.settle();
  run.close();
  if (outcome === "completed" || outcome === "stopped") run.dropUnseenWidgets();
  if (outcome !== "interrupted")
    run.fragments.save(record, outcome === "completed" || outcome === "stopped");
  if (options.dismiss && run.fragments.scope)
    delete record.fragments?.[run.fragments.scope.instanceId];
  if (!options.silent) record.tree = run.placement.emitter.finalTree();
  record.url = run.location.toUrl();
  batcher.onFlush = () => undefined; // the finish message carries the final counts
  batcher.flush();
  return {
    outcome,
    counts: run.placement.emitter.finalCounts(),
    url: record.url,
    switchedPage: run.location.history === "push",
    widgetValuesSet: run.widgets.valuesSet,
  };
}

async function runScript(
  run: ScriptRun,
  maxReruns: number,
  cacheStorage?: Storage,
  sessionId?: string,
): Promise<RunEventResult["outcome"]> {
  const cacheRun = cacheRunOf(run, sessionId);
  // A script stuck in an await makes no st.* call to stop at: the deadline stops waiting for it.
  // A script that returned without awaiting anything has nothing to wait for, and needs no timer.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut: Promise<"timeout"> | undefined;
  const deadline = run.activeDeadline;
  try {
    for (let reruns = 0; ; reruns++) {
      try {
        const scope = run.fragments.scope;
        // Nothing can be flushed while the script's synchronous part runs, so it arms no flush timer;
        // one is armed after it, if the script goes on (it awaits) or waits for media.
        const returned = run.quietly(() =>
          withCacheStorage(cacheStorage, () =>
            withCacheRun(cacheRun, () =>
              scope ? rerunFragment(run, scope) : run.host.runScript(run.binding),
            ),
          ),
        );
        if (isThenable(returned) || run.placement.isSettling) run.reportActivity();
        if (deadline && isThenable(returned)) {
          timedOut ??= new Promise<"timeout">(
            (resolve) =>
              (timer = setTimeout(() => resolve("timeout"), deadline.at - performance.now())),
          );
          if (
            (await Promise.race([
              Promise.resolve(returned).then(() => "done" as const),
              timedOut,
            ])) === "timeout"
          )
            throw new RunTimeoutError(deadline.seconds);
        }
        await returned;
        // As in Streamlit, a form the user could never send says so.
        for (const form of run.forms.withoutSubmitButton())
          run.emit(form.path, "alert", { level: "error", body: MISSING_SUBMIT_BUTTON });
        return "completed";
      } catch (error) {
        if (error instanceof InterruptSignal) return "interrupted";
        if (error instanceof StopSignal) return "stopped";
        if (error instanceof RerunSignal && reruns < maxReruns) {
          // `st.rerun()` in a fragment's run reruns the app; `{ scope: "fragment" }` the fragment alone.
          if (error.scope === "app" && run.fragments.scope) run.redraw(undefined);
          else run.restart();
          continue;
        }
        const shown =
          error instanceof RerunSignal
            ? new EdgelitApiError(
                `st.rerun() restarted the app ${maxReruns} times in one event; it looks like a loop.`,
              )
            : error;
        run.liftDeadline(); // past the limit, the error itself must still be drawn
        run.emit(errorBlock(run), "exception", run.uncaught(shown));
        return "failed";
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | undefined)?.then === "function";
}

/** Where a run shows an error: the page, or in a fragment's run the fragment (nothing else is redrawn). */
function errorBlock(run: ScriptRun): number[] {
  return run.fragments.scope?.state.path ?? [ROOTS.main];
}

/** What the callback pass of an event needs. */
interface CallbackPass {
  host: ScriptHost;
  /** The record as it was before the event's changes. */
  before: SessionRecord;
  /** The event's run, whose state the callbacks act on. */
  run: ScriptRun;
  widgetIds: string[];
  dev: boolean;
  cacheStorage: Storage | undefined;
  sessionId: string | undefined;
  scope: FragmentScope | undefined;
}

/**
 * Finds the callbacks of the changed widgets by replaying the previous state
 * (drawing nothing; for a fragment's run, only the fragment), then runs them,
 * in event order, in a run of their own on the new state. The callbacks closed
 * over the discovery pass's `st`, so its binding is handed to the callbacks
 * run (see RunBinding). Returns the error a callback threw, if any, and where.
 */
async function runCallbacks(
  pass: CallbackPass,
): Promise<{ error: unknown; site: string } | undefined> {
  const { host, run, widgetIds, dev, cacheStorage, scope } = pass;
  const discovery = new ScriptRun({
    record: pass.before,
    mode: "discover",
    host,
    // The widgets were drawn on the page of the previous run.
    location: new RunLocation(pass.before.url ?? run.location.toUrl()),
    dev,
    wantedCallbacks: new Set(widgetIds),
    scope,
    env: run.env,
    visit: run.visit,
  });
  try {
    await withCacheStorage(cacheStorage, () =>
      scope ? rerunFragment(discovery, scope) : host.runScript(discovery.binding),
    );
  } catch {
    // The pass ends at the last wanted widget (DiscoveryComplete) or wherever
    // the old state led; an error here is the previous run's, already shown.
  }
  // A clicked button or a submitted chat message reads as such in its callback, and
  // a callback's st.queryParams and st.switchPage act on the URL of the run to come.
  const callbacks = new ScriptRun({
    record: run.record,
    mode: "callbacks",
    host,
    location: run.location,
    dev,
    triggers: run.triggers,
    env: run.env,
    visit: run.visit,
  });
  discovery.binding.handTo(callbacks);
  for (const id of widgetIds) {
    try {
      await withCacheStorage(cacheStorage, () =>
        withCacheRun(cacheRunOf(callbacks, pass.sessionId), () =>
          discovery.widgets.foundCallbacks.get(id)?.(),
        ),
      );
    } catch (error) {
      if (!isControlSignal(error))
        return {
          error,
          site: `a widget callback of ${errorSite(discovery.location, discovery.fragments.scope)}`,
        };
    }
  }
  return undefined;
}

/** Collects messages and hands them over once the script yields, with a progress note. */
/** The largest element sent to the page unless the server says otherwise: 16 MiB of JSON. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

function createBatcher(
  send: (messages: ServerMessage[]) => void,
  maxMessageBytes: number,
  sendAtOnce: boolean,
) {
  let pending: ServerMessage[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const batcher = {
    onFlush: (): ServerMessage | undefined => undefined,
    push(message: ServerMessage) {
      pending.push(message.type === "element" ? withinLimit(message, maxMessageBytes) : message);
      if (sendAtOnce) {
        send(pending);
        pending = [];
      }
      batcher.touch();
    },
    /** Something changed (maybe only progress): flush when the script next yields. */
    touch() {
      timer ??= setTimeout(() => batcher.flush(), 0);
    },
    flush() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const progress = batcher.onFlush();
      if (progress) pending.push(progress);
      if (pending.length) send(pending);
      pending = [];
    },
  };
  return batcher;
}

/** An element too large to send becomes an error in its place (only sent elements are measured). */
function withinLimit(message: ElementMessage, maxMessageBytes: number): ElementMessage {
  const size = JSON.stringify(message.props).length;
  if (size <= maxMessageBytes) return message;
  const megabytes = (bytes: number) =>
    bytes < 1024 * 1024
      ? `${Math.ceil(bytes / 1024)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return {
    type: "element",
    path: message.path,
    kind: "exception",
    props: {
      name: "MessageTooLargeError",
      message: `This ${message.kind} is ${megabytes(size)}, over the ${megabytes(maxMessageBytes)} the server sends at once (maxMessageBytes). Send less data, or media as bytes (they are served separately).`,
    },
  };
}
