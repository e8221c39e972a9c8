import type { UploadedFile } from "../media/uploaded-file.ts";
import { EMPTY_VISIT, type RunVisit } from "./run-visit.ts";
import { EdgelitApiError } from "../errors/api-error.ts";
import {
  pathKey,
  type ElementKind,
  type ElementMessage,
  type NavigateMessage,
  type ElementPath,
  type ElementPropsByKind,
  type UploadedFileRef,
  type WidgetKind,
} from "../protocol/index.ts";
import type { SessionRecord } from "../session/record.ts";
import { FragmentTracker, type FragmentScope } from "./fragment-tracker.ts";
import type { RunLocation } from "./location.ts";
import { ElementPlacement, type PlacementHooks } from "./placement.ts";
import { RunBinding } from "./run-binding.ts";
import { RunForms } from "./run-forms.ts";
import { ScriptErrors, errorSite } from "./script-errors.ts";
import type { ScriptHost } from "./script-host.ts";
import { InterruptSignal, RunTimeoutError, type Cancellation } from "./signals.ts";
import {
  WidgetRegistry,
  type RegisteredWidget,
  type RegistryContext,
  type WidgetCall,
} from "./widget-registry.ts";
import { refuseInsideCachedCall } from "../cache/cached-call.ts";

/**
 * How a run treats elements: `render` draws them; `discover` replays the
 * previous state only to find widget callbacks, drawing nothing; `callbacks`
 * runs those callbacks, where element calls are ignored.
 */
export type RunMode = "render" | "discover" | "callbacks";

/** When a run must stop (performance.now() ms), and the limit to name in the error. */
export interface RunDeadline {
  readonly at: number;
  readonly seconds: number;
}

/** Everything a run is made from. */
export interface ScriptRunOptions {
  /** The session record the run works on; it is updated in place. */
  readonly record: SessionRecord;
  readonly mode: RunMode;
  /** The widget rules and the app's entry points (see ScriptHost). */
  readonly host: ScriptHost;
  /** The page's URL as this run sees it (shared with the run a callback pass prepares). */
  readonly location: RunLocation;
  /** Show stacks of script errors in the page. */
  readonly dev: boolean;
  /** Element hashes the client holds; empty when it must receive everything. */
  readonly previousTree?: Record<string, string>;
  /** Where placed elements go (nowhere for a run that draws nothing). */
  readonly send?: (message: ElementMessage | NavigateMessage) => void;
  /**
   * Trigger widgets fired by this event (a button's click, a chat message), with their value for
   * exactly one run. The run takes the map over: it empties it when the script starts over.
   */
  readonly triggers?: Map<string, unknown>;
  /** In a discovery pass: the widgets whose callbacks it looks for. */
  readonly wantedCallbacks?: ReadonlySet<string>;
  /** Aborted when the page that asked for this run has gone. */
  readonly signal?: Cancellation;
  /** When the run must stop. */
  readonly deadline?: RunDeadline;
  /** Redraw only this fragment (an event of one of its widgets, or its timer); the rest of the page stays. */
  readonly scope?: FragmentScope;
  /** Opens an uploaded file of this session for the app (the server's store, or the test harness's). */
  readonly openUpload?: (ref: UploadedFileRef) => UploadedFile;
  /** Stores media bytes the app shows and gives their id (the server's media store, or the test harness's). */
  readonly storeMedia?: (bytes: Uint8Array, type: string, sealed?: boolean) => Promise<string>;
  /** Called after every element placed, so progress can be reported when the script yields. */
  readonly onActivity?: () => void;
  /** How errors the app did not catch are shown and reported. Default: shown in full, reported nowhere. */
  readonly errors?: ScriptErrors;
  /** The runtime's bindings the app reads as `st.context.env` (a Worker's `env`, `process.env`). Default: none. */
  readonly env?: RunEnv;
  /** Secrets, this event's request and browser, and the logged-in user (see RunVisit). Default: none. */
  readonly visit?: RunVisit;
}

/** The runtime's bindings, as the app reads them (`st.context.env`). */
export type RunEnv = Readonly<Record<string, unknown>>;

const NO_ENV: RunEnv = Object.freeze({});

/**
 * What element functions may ask of a run (src/elements reaches the run
 * through this, nothing more): place elements, register widgets, and read
 * the few things of the run that elements depend on.
 */
export type RunContext = Pick<
  ScriptRun,
  | "emit"
  | "emitLater"
  | "slot"
  | "replace"
  | "replaceLater"
  | "update"
  | "widget"
  | "runNonce"
  | "dev"
  | "storeMedia"
  | "openUpload"
  | "drawsNothing"
  | "forms"
  | "isSubmitted"
  | "fragments"
  | "location"
  | "host"
  | "record"
  | "widgets"
  | "env"
  | "visit"
  | "navigate"
>;

/**
 * One run of the script: the session record it works on, where its elements
 * go (ElementPlacement), the widgets it meets (WidgetRegistry), and when it
 * must stop (checkpoint). Built from one options object; the callback pass of
 * an event is a run of its own, not this one re-pointed.
 */
export class ScriptRun implements PlacementHooks, RegistryContext {
  readonly record: SessionRecord;
  readonly mode: RunMode;
  readonly host: ScriptHost;
  readonly location: RunLocation;
  readonly dev: boolean;
  /** Shows and reports the errors the app did not catch. */
  readonly errors: ScriptErrors;
  /** The runtime's bindings (see ScriptRunOptions). */
  readonly env: RunEnv;
  /** Secrets, request, browser and user (see ScriptRunOptions). */
  readonly visit: RunVisit;
  readonly placement: ElementPlacement;
  readonly widgets: WidgetRegistry;
  /** What handles made for this run hold (see RunBinding). */
  readonly binding: RunBinding = new RunBinding(this);
  /** The fragments this run reaches, and the one it redraws alone, if any. */
  readonly fragments = new FragmentTracker();
  /** Trigger widgets fired by this event; emptied when the script starts over (a click lasts one run). */
  readonly triggers: Map<string, unknown>;
  /** In a discovery pass: the widgets whose callbacks it looks for. */
  readonly wantedCallbacks: ReadonlySet<string> | undefined;
  private readonly signal: Cancellation | undefined;
  private readonly uploads: ((ref: UploadedFileRef) => UploadedFile) | undefined;
  private readonly mediaWriter:
    | ((bytes: Uint8Array, type: string, sealed?: boolean) => Promise<string>)
    | undefined;
  private readonly onActivity: (() => void) | undefined;
  private readonly sendToPage: ((message: NavigateMessage) => void) | undefined;
  /** The forms drawn so far, and the values their clearing submit hands the script. */
  private runForms = new RunForms();
  /** A widget registered but not yet placed: the next element placed is it (to know its fragment). */
  private unplacedWidget: string | undefined;
  private closed = false;
  /** Lifted once the run failed: past the limit, the error itself must still be drawn. */
  private deadline: RunDeadline | undefined;
  /** Off while the script's synchronous part runs: nothing can be flushed then. */
  private quiet = false;

  constructor(options: ScriptRunOptions) {
    this.signal = options.signal;
    this.uploads = options.openUpload;
    this.mediaWriter = options.storeMedia;
    this.onActivity = options.onActivity;
    this.record = options.record;
    this.mode = options.mode;
    this.host = options.host;
    this.location = options.location;
    this.dev = options.dev;
    this.errors = options.errors ?? new ScriptErrors({ dev: options.dev });
    this.env = options.env ?? NO_ENV;
    this.visit = options.visit ?? EMPTY_VISIT;
    this.sendToPage = options.send;
    this.deadline = options.deadline;
    // The event's own map (runEvent makes one per event): the run empties it when it starts over.
    this.triggers = options.triggers ?? new Map();
    this.wantedCallbacks = options.wantedCallbacks;
    // The run is its placement's hooks and its registry's context: no closures per run.
    this.placement = new ElementPlacement(options.previousTree ?? {}, options.send ?? ignore, this);
    this.widgets = new WidgetRegistry(options.host.widgets, this);
    if (options.scope) {
      this.fragments.scope = options.scope;
      this.begin();
    }
  }

  /** The forms drawn so far in this run. */
  get forms(): RunForms {
    return this.runForms;
  }

  /** Sends the page to `url`, a path of this server, once the message arrives (`st.login`); not from a callbacks run's or a silent run's page. */
  navigate(url: string): void {
    this.sendToPage?.({ type: "navigate", url });
  }

  /** True in a callbacks run: element calls draw nothing. */
  get drawsNothing(): boolean {
    return this.mode === "callbacks";
  }

  /** Stores media bytes the app shows (before the element showing them is sent) and gives their id. */
  storeMedia(bytes: Uint8Array, type: string, sealed?: boolean): Promise<string> {
    // A pass that draws nothing (discovery, callbacks) sends no element that could show them.
    if (this.mode !== "render") return Promise.resolve("");
    if (!this.mediaWriter)
      throw new EdgelitApiError(
        "Media too large to inline can only be shown while the app runs on a server or AppTest.",
      );
    return this.mediaWriter(bytes, type, sealed);
  }

  /** Differs in every run (and after `st.rerun()`): props carrying it are sent even when otherwise unchanged. */
  get runNonce(): string {
    return this.placement.runNonce;
  }

  /** Opens an uploaded file of this session for the app. */
  openUpload(ref: UploadedFileRef): UploadedFile {
    if (!this.uploads)
      throw new EdgelitApiError(
        "Uploaded files can only be read while the app runs on a server or AppTest.",
      );
    return this.uploads(ref);
  }

  /** Places an element at the end of the block at `parent`. */
  emit<K extends ElementKind>(
    parent: ElementPath,
    kind: K,
    props: object,
    parentKey = pathKey(parent),
  ): ElementPath {
    this.checkpoint();
    return this.placement.emit(parent, kind, props, parentKey);
  }

  /** Keeps the next place in the block at `parent` for one element that `replace` puts there later (see ElementPlacement.slot). */
  slot(parent: ElementPath, parentKey = pathKey(parent)): ElementPath {
    this.checkpoint();
    return this.placement.slot(parent, parentKey);
  }

  /**
   * Replaces the element at `path`, which this run placed: how a handle
   * updates one element in place. `checkpoint: false` skips the stop check,
   * for clean-ups that run while a run unwinds.
   */
  replace<K extends ElementKind>(
    path: ElementPath,
    kind: K,
    props: object,
    options: { checkpoint?: boolean } = {},
  ): void {
    if (options.checkpoint !== false) this.checkpoint();
    this.placement.replace(path, kind, props);
  }

  /** Gives the element at `path` new props; a block keeps its children (`status.update`). */
  update<K extends ElementKind>(path: ElementPath, kind: K, props: object): void {
    this.checkpoint();
    this.placement.update(path, kind, props);
  }

  /** Replaces the element at `path` once `props` resolves, unless something replaced it meanwhile. */
  replaceLater<K extends ElementKind>(path: ElementPath, kind: K, props: Promise<object>): void {
    this.checkpoint();
    this.placement.replaceLater(path, kind, props);
  }

  /** Places an element whose props are only known once `props` resolves; returns its path. */
  emitLater<K extends ElementKind>(
    parent: ElementPath,
    kind: K,
    props: Promise<object>,
    parentKey = pathKey(parent),
  ): ElementPath {
    refuseInsideCachedCall();
    return this.placement.emitLater(parent, kind, props, parentKey);
  }

  /**
   * Registers a widget of `kind` drawn at `at` (its target's path: it tells
   * whether the widget is in a form) and returns its id and current value
   * (see WidgetRegistry.register).
   */
  widget<Value>(
    kind: WidgetKind,
    at: ElementPath,
    call: WidgetCall<Value>,
  ): RegisteredWidget<Value> {
    this.checkpoint();
    const registered = this.widgets.register(kind, at, call);
    this.unplacedWidget = registered.id;
    return registered;
  }

  /**
   * True when this event clicked a submit button of the form with `formKey`
   * (the record still says which form each button of the last run was in).
   */
  isSubmitted(formKey: string): boolean {
    for (const id of this.triggers.keys()) {
      const widget = this.record.widgets[id];
      if (widget?.kind === "formSubmitButton" && widget.form === formKey) return true;
    }
    return false;
  }

  /**
   * Every st.* call passes here: a run whose page has gone, or that is past
   * its time limit, stops at its next call, as in Streamlit.
   */
  checkpoint(): void {
    refuseInsideCachedCall();
    if (this.mode !== "render" || this.closed) return;
    if (this.signal?.aborted) throw new InterruptSignal();
    if (this.deadline && performance.now() > this.deadline.at)
      throw new RunTimeoutError(this.deadline.seconds);
  }

  /** The deadline still in force, if any. */
  get activeDeadline(): RunDeadline | undefined {
    return this.deadline;
  }

  /** The run failed: its error must be drawn whatever the time. */
  liftDeadline(): void {
    this.deadline = undefined;
  }

  /** Runs `work` (the script's synchronous part) without reporting activity. */
  quietly<T>(work: () => T): T {
    this.quiet = true;
    try {
      return work();
    } finally {
      this.quiet = false;
    }
  }

  /** Reports activity now (the script went on past its synchronous part). */
  reportActivity(): void {
    this.onActivity?.();
  }

  /** The run is over: nothing more is placed. */
  close(): void {
    this.closed = true;
  }

  /**
   * Makes this run redraw only the fragment `scope` (an event of one of its
   * widgets, or its timer), or with undefined the whole app again (`st.rerun()`
   * inside a fragment). The record's state stays; drawing starts over.
   */
  redraw(scope: FragmentScope | undefined): void {
    this.fragments.scope = scope;
    this.restart();
  }

  /** Starts the script over (after `st.rerun()`): the same record, nothing placed yet, and no click any more. */
  restart(): void {
    this.triggers.clear();
    this.begin();
  }

  /** Nothing placed yet: the whole page, or the fragment of the scope. */
  private begin(): void {
    this.unplacedWidget = undefined;
    const scope = this.fragments.scope;
    this.placement.restart(scope && pathKey(scope.state.path));
    this.fragments.begin();
    this.widgets.restart();
    this.runForms = new RunForms();
    this.location.restart();
  }

  /**
   * Forgets widgets the finished run did not draw, as Streamlit does (a
   * fragment's run: only its own); but a keyed widget of another page than
   * this run's keeps its value for the user's return.
   */
  dropUnseenWidgets(): void {
    const shownPage = this.location.pages?.chosen.urlPath;
    for (const id of this.fragments.droppable(this.record)) {
      if (this.widgets.wasSeen(id)) continue;
      const page = this.record.widgets[id]?.page;
      if (page !== undefined && shownPage !== undefined && page !== shownPage) continue;
      delete this.record.widgets[id];
    }
  }

  /**
   * An error the app did not catch, at `site` (default: where this run is):
   * reported, and the props of the box the page shows (see ScriptErrors).
   */
  uncaught(
    error: unknown,
    site = errorSite(this.location, this.fragments.scope),
  ): ElementPropsByKind["exception"] {
    return this.errors.shown(error, site);
  }

  // --- As its placement's hooks (see PlacementHooks) ---

  /** May the run still place elements? False once it closed, and in a callbacks run. */
  canPlace(): boolean {
    return !this.closed && this.mode !== "callbacks";
  }

  /** Only a rendering run fills elements whose props come later. */
  canFillLater(): boolean {
    return !this.closed && this.mode === "render";
  }

  /** Something changed that the page may be told about when the script yields. */
  activity(): void {
    if (!this.quiet) this.onActivity?.();
  }

  /** An element went to `path`: if it is the widget just registered, note the fragments it belongs to. */
  placed(path: ElementPath | undefined): void {
    if (this.unplacedWidget === undefined) return;
    if (path) this.fragments.noteWidget(path, this.unplacedWidget);
    this.unplacedWidget = undefined;
  }
}

const ignore = () => {};
