import { idleTriggerValue, isTriggerKind, widgetCodecs, type WidgetCodec } from "../elements/inputs/codecs.ts";
import type { PendingMedia } from "../media/media-store.ts";
import type { UploadedFile } from "../media/uploaded-file.ts";
import { exceptionProps } from "./exception-props.ts";
import { pathKey, type ElementKind, type ElementMessage, type ElementPath, type UploadedFileRef, type WidgetKind } from "../protocol/index.ts";
import type { SessionRecord, WidgetSpec } from "../session/record.ts";
import { TreeEmitter } from "./emitter.ts";
import { RunForms } from "./run-forms.ts";
import { FragmentTracker, type FragmentScope } from "./fragment-tracker.ts";
import { RunLocation } from "./location.ts";
import { DiscoveryComplete, DuplicateWidgetIdError, InterruptSignal, RunTimeoutError, type Cancellation } from "./signals.ts";
import { EdgelitApiError } from "../errors/api-error.ts";
import { widgetId } from "./widget-id.ts";

/** What an element function tells the run about a widget it is drawing. */
export interface WidgetDefinition<Value> {
  kind: WidgetKind;
  label: string;
  key: string | undefined;
  /** Options that make two otherwise equal widgets different (Streamlit hashes every argument). */
  identity: unknown[];
  spec: WidgetSpec;
  defaultValue: Value;
  onChange: (() => unknown) | undefined;
  /** Where the widget is drawn (its target's path): tells whether it is in a form. */
  at: ElementPath;
}

/** A widget as `ScriptRun.widget` returns it. */
export interface RegisteredWidget<Value> {
  id: string;
  /** The value the app sees. */
  value: Value;
  /** The value the page shows: `value`, except in the run that clears its form, where it is the default. */
  shown: Value;
}

/**
 * How a run treats elements: `render` draws them; `discover` replays the
 * previous state only to find widget callbacks, drawing nothing; `callbacks`
 * runs those callbacks, where element calls are ignored.
 */
export type RunMode = "render" | "discover" | "callbacks";

/**
 * The state of one script run: the session record it works on, the elements
 * it has placed, and the widgets it has met. Element functions reach it
 * through their container handle.
 */
export class ScriptRun {
  readonly emitter: TreeEmitter;
  /** Trigger widgets fired by this event (a button's click, a chat message), with their value for exactly one run. */
  triggers = new Map<string, unknown>();
  /** The forms drawn so far, and the values their clearing submit hands the script. */
  forms = new RunForms();
  private seenWidgets = new Set<string>();
  /** The fragments this run reaches, and the one it redraws alone, if any. */
  readonly fragments = new FragmentTracker();
  /** A widget registered but not yet placed: the next element placed is it (to know its fragment). */
  private unplacedWidget: string | undefined;
  private createdKeys = new Set<string>();
  /** Callbacks the discovery pass is looking for, and the ones found. */
  readonly wantedCallbacks = new Set<string>();
  readonly foundCallbacks = new Map<string, () => unknown>();
  closed = false;
  /** Called after every element placed, so progress can be reported when the script yields. */
  onActivity: () => void = () => {};
  /** Media bytes this run produced, written to the store before the run finishes. */
  readonly media: PendingMedia = new Map();
  /** Work the run must finish before it ends: slots waiting for media read asynchronously. */
  private pending: Promise<void>[] = [];
  /** Bumped by `restart`: a slot kept by an abandoned run is never filled into the new one. */
  private generation = 0;
  /** Bumped per path by every replacement, so a late fill never covers a newer element. */
  private replacements = new Map<string, number>();
  private nonce: string | undefined;
  /** Slots kept by `slot` that nothing has filled yet. */
  private unfilled = new Map<string, ElementPath>();
  /** The page's URL as this run sees it: its page and query params (see RunLocation). */
  location = new RunLocation("/");
  /** Aborted when the page that asked for this run has gone. */
  signal: Cancellation | undefined;
  /** When the run must stop (performance.now() ms), and the limit to name in the error. */
  deadline: { at: number; seconds: number } | undefined;
  /** Opens an uploaded file of this session for the app; set by the server (or the test harness). */
  openUpload: (ref: UploadedFileRef) => UploadedFile = () => {
    throw new EdgelitApiError("Uploaded files can only be read while the app runs on a server or AppTest.");
  };

  constructor(
    public record: SessionRecord,
    public mode: RunMode,
    previousTree: Record<string, string>,
    send: (message: ElementMessage) => void,
    readonly dev: boolean,
  ) {
    this.emitter = new TreeEmitter(previousTree, send);
  }

  /** Places an element at the end of the block at `parent`. */
  emit<K extends ElementKind>(parent: ElementPath, kind: K, props: object, parentKey = pathKey(parent)): ElementPath {
    this.checkpoint();
    // A block replaced since its handle was made (an `st.empty()` refilled) takes nothing more.
    if (this.closed || this.mode === "callbacks" || !this.emitter.isOpen(parentKey)) {
      this.unplacedWidget = undefined; // drawn nowhere, so in no fragment
      return [...parent, -1];
    }
    const path = this.emitter.append(parent, kind, props, parentKey);
    this.placedElement(path);
    this.onActivity();
    return path;
  }

  /**
   * Keeps the next place in the block at `parent` for one element that
   * `replace` puts there later (`st.empty()`). Filled before the script next
   * yields, it costs nothing on the wire when the element is unchanged; else
   * it is cleared then, so the page never shows the last run's element there
   * as current.
   */
  slot(parent: ElementPath, parentKey = pathKey(parent)): ElementPath {
    this.checkpoint();
    if (this.closed || this.mode === "callbacks" || !this.emitter.isOpen(parentKey)) return [...parent, -1];
    const path = this.emitter.reserve(parent, parentKey);
    const key = pathKey(path);
    this.unfilled.set(key, path);
    this.onActivity();
    const generation = this.generation;
    queueMicrotask(() => generation === this.generation && this.clearUnfilled(key));
    return path;
  }

  private clearUnfilled(key: string): void {
    const path = this.unfilled.get(key);
    if (!path) return;
    this.unfilled.delete(key);
    if (this.isLive(path)) this.emitter.replace(path, "empty", {});
  }

  /**
   * Replaces the element at `path`, which this run placed: how a handle
   * (`st.empty()`, a progress bar, a spinner's end) updates one element in
   * place. The client gets the new element at the same path. `checkpoint:
   * false` skips the stop check, for clean-ups that run while a run unwinds.
   */
  replace<K extends ElementKind>(path: ElementPath, kind: K, props: object, options: { checkpoint?: boolean } = {}): void {
    if (options.checkpoint !== false) this.checkpoint();
    if (!this.isLive(path)) return void (this.unplacedWidget = undefined);
    this.unfilled.delete(this.bumpReplacement(path));
    this.emitter.replace(path, kind, props);
    this.placedElement(path);
    this.onActivity();
  }

  /** Gives the element at `path` new props; a block keeps its children (`status.update`). */
  update<K extends ElementKind>(path: ElementPath, kind: K, props: object): void {
    this.checkpoint();
    if (!this.isLive(path)) return;
    this.unfilled.delete(this.bumpReplacement(path));
    this.emitter.update(path, kind, props);
    this.onActivity();
  }

  /** Replaces the element at `path` once `props` resolves, unless something replaced it meanwhile. */
  replaceLater<K extends ElementKind>(path: ElementPath, kind: K, props: Promise<object>): void {
    this.checkpoint();
    if (this.mode !== "render" || !this.isLive(path)) return void (this.unplacedWidget = undefined);
    this.placedElement(path);
    this.fillLater(path, kind, props);
  }

  /** Differs in every run (and after `st.rerun()`): props carrying it are sent even when otherwise unchanged. */
  get runNonce(): string {
    return (this.nonce ??= Math.random().toString(36).slice(2, 10));
  }

  /** A path this run placed, whose block is still open. */
  private isLive(path: ElementPath): boolean {
    if (this.closed || this.mode === "callbacks" || path.at(-1)! < 0) return false;
    return this.emitter.isOpen(pathKey(path.slice(0, -1)));
  }

  /** Notes a new element at `path` (a late fill of an older one is then dropped); returns the path's key. */
  private bumpReplacement(path: ElementPath): string {
    const key = pathKey(path);
    this.replacements.set(key, (this.replacements.get(key) ?? 0) + 1);
    return key;
  }

  /**
   * Every st.* call passes here: a run whose page has gone, or that is past
   * its time limit, stops at its next call, as in Streamlit.
   */
  checkpoint(): void {
    if (this.mode !== "render" || this.closed) return;
    if (this.signal?.aborted) throw new InterruptSignal();
    if (this.deadline && performance.now() > this.deadline.at) throw new RunTimeoutError(this.deadline.seconds);
  }

  /** This session's media salt (see SessionRecord.mediaSalt). */
  get mediaSalt(): string {
    return this.record.mediaSalt;
  }

  /**
   * Places an element whose props are only known once `props` resolves (a
   * Blob or an uploaded file must be read first). Its slot is kept now, in
   * order, and filled before the run ends; a failure shows in its place.
   */
  emitLater<K extends ElementKind>(parent: ElementPath, kind: K, props: Promise<object>, parentKey = pathKey(parent)): void {
    if (this.closed || this.mode !== "render" || !this.emitter.isOpen(parentKey)) return void (this.unplacedWidget = undefined);
    const path = this.emitter.reserve(parent, parentKey);
    this.placedElement(path);
    this.onActivity();
    this.fillLater(path, kind, props);
  }

  private fillLater(path: ElementPath, kind: ElementKind, props: Promise<object>): void {
    const generation = this.generation;
    const key = this.bumpReplacement(path);
    const replacement = this.replacements.get(key);
    const current = () => generation === this.generation && this.replacements.get(key) === replacement && this.isLive(path);
    this.pending.push(
      props.then(
        (resolved) => {
          if (current()) this.emitter.replace(path, kind, resolved);
        },
        (error) => {
          if (current()) this.emitter.replace(path, "exception", exceptionProps(error, this.dev));
        },
      ),
    );
  }

  /** An element went to `path`: if it is the widget just registered, note the fragments it belongs to. */
  private placedElement(path: ElementPath): void {
    if (this.unplacedWidget === undefined) return;
    this.fragments.noteWidget(path, this.unplacedWidget);
    this.unplacedWidget = undefined;
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

  /** True while elements placed with `emitLater` still wait for their props. */
  get isSettling(): boolean {
    return this.pending.length > 0;
  }

  /** Waits for every element placed with `emitLater`. */
  async settle(): Promise<void> {
    for (const key of [...this.unfilled.keys()]) this.clearUnfilled(key);
    while (this.pending.length) {
      const waiting = this.pending;
      this.pending = [];
      await Promise.all(waiting);
    }
  }

  /** Starts the script over (after `st.rerun()`): the same record, nothing placed yet. */
  restart(): void {
    this.pending = [];
    this.generation++;
    this.replacements.clear();
    this.unfilled.clear();
    this.nonce = undefined;
    this.unplacedWidget = undefined;
    const scope = this.fragments.scope;
    this.emitter.begin(scope && pathKey(scope.state.path));
    this.fragments.begin();
    this.seenWidgets.clear();
    this.createdKeys.clear();
    this.triggers.clear();
    this.forms = new RunForms();
    this.location.restart();
  }

  /** True once a widget with this key was drawn in this run: `st.session[key]` is then read-only. */
  hasCreatedKey(key: string): boolean {
    return this.createdKeys.has(key);
  }

  /**
   * Registers a widget drawn by the script and returns its id and current
   * value: a value set through `st.session` before it existed, else its
   * stored value, else its default.
   */
  widget<Value>(definition: WidgetDefinition<Value>): RegisteredWidget<Value> {
    this.checkpoint();
    const { kind, label, key, spec } = definition;
    this.forms.checkAllowed(kind, definition.at);
    const form = this.forms.formAt(definition.at);
    // A page's unkeyed widgets are its own: the same label on another page is another widget.
    const page = this.location.runningPage;
    // As in Streamlit, the form is part of a widget's identity: equal widgets in two forms differ.
    const identity = form === undefined && page === undefined
      ? definition.identity
      : [...definition.identity, ...(form ? [{ form: form.key }] : []), ...(page === undefined ? [] : [{ page }])];
    const id = widgetId(kind, label, key, identity);
    if (this.seenWidgets.has(id)) throw new DuplicateWidgetIdError(kind, label, key);
    this.seenWidgets.add(id);
    this.unplacedWidget = id;
    if (key !== undefined) this.createdKeys.add(key);

    const codec: WidgetCodec = widgetCodecs[kind];
    const defaultProblem = codec.check(definition.defaultValue, spec);
    if (defaultProblem) throw new EdgelitApiError(`The default value of ${kind} "${label}" is invalid: ${defaultProblem}.`);

    let value = definition.defaultValue as unknown;
    const stored = this.record.widgets[id];
    if (key !== undefined && Object.hasOwn(this.record.session, key)) {
      // Set through st.session before the widget existed: it becomes the widget's value.
      value = codec.normalize ? codec.normalize(this.record.session[key]) : this.record.session[key];
      delete this.record.session[key];
      const problem = codec.check(value, spec);
      if (problem) throw new EdgelitApiError(`st.session.${key} holds a value ${kind} "${label}" cannot show: ${problem}.`);
    } else if (stored && stored.kind === kind && codec.check(stored.value, spec) === undefined) {
      value = stored.value;
    }
    const trigger = isTriggerKind(kind);
    // A form cleared by its submit: this run sees what was sent; the page and the next runs, the default.
    const clearing = !trigger && form?.clearing === true;
    if (clearing) this.forms.submittedValues.set(id, value);
    const kept = trigger ? idleTriggerValue(kind) : clearing ? definition.defaultValue : value;
    this.record.widgets[id] = {
      kind,
      value: kept,
      spec,
      ...(key !== undefined && { key }),
      ...(definition.onChange && { hasCallback: true as const }),
      ...(form && { form: form.key }),
      ...(key !== undefined && page !== undefined && { page }),
    };

    if (this.mode === "discover" && definition.onChange && this.wantedCallbacks.has(id)) {
      this.foundCallbacks.set(id, definition.onChange);
      if (this.foundCallbacks.size === this.wantedCallbacks.size) throw new DiscoveryComplete();
    }
    const seen = (trigger ? this.triggerValue(kind, id) : value) as Value;
    return { id, value: seen, shown: (clearing ? definition.defaultValue : seen) as Value };
  }

  /** What the app sees as a widget's value in this run (`st.session[key]` reads it). */
  widgetValue(id: string): unknown {
    const widget = this.record.widgets[id];
    if (!widget) return undefined;
    if (isTriggerKind(widget.kind)) return this.triggerValue(widget.kind, id);
    return this.forms.submittedValues.has(id) ? this.forms.submittedValues.get(id) : widget.value;
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

  /** A trigger widget's value in this run: what its event sent, else its idle value (false, null). */
  triggerValue(kind: WidgetKind, id: string): unknown {
    return this.triggers.has(id) ? this.triggers.get(id) : idleTriggerValue(kind);
  }

  /**
   * Forgets widgets the finished run did not draw, as Streamlit does (a
   * fragment's run: only its own); but a keyed widget of another page than
   * this run's keeps its value for the user's return.
   */
  dropUnseenWidgets(): void {
    const shownPage = this.location.pages?.chosen.urlPath;
    for (const id of this.fragments.droppable(this.record)) {
      if (this.seenWidgets.has(id)) continue;
      const page = this.record.widgets[id]?.page;
      if (page !== undefined && shownPage !== undefined && page !== shownPage) continue;
      delete this.record.widgets[id];
    }
  }
}
