import { isTriggerKind, widgetCodecs } from "../elements/inputs/codecs.ts";
import type { PendingMedia } from "../media/media-store.ts";
import type { UploadedFile } from "../media/uploaded-file.ts";
import { exceptionProps } from "../elements/status/alerts.ts";
import type { ElementKind, ElementMessage, ElementPath, UploadedFileRef, WidgetKind } from "../protocol/index.ts";
import type { SessionRecord, WidgetSpec } from "../session/record.ts";
import { TreeEmitter } from "./emitter.ts";
import { DiscoveryComplete, DuplicateWidgetIdError, EdgelitApiError, InterruptSignal, RunTimeoutError } from "./signals.ts";
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
  /** Buttons clicked in this event; each is true for exactly one run. */
  triggers = new Set<string>();
  private seenWidgets = new Set<string>();
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
  /** Aborted when the page that asked for this run has gone. */
  signal: AbortSignal | undefined;
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
  emit<K extends ElementKind>(parent: ElementPath, kind: K, props: object, parentKey?: string): ElementPath {
    this.checkpoint();
    if (this.closed || this.mode === "callbacks") return [...parent, -1];
    const path = this.emitter.append(parent, kind, props, parentKey);
    this.onActivity();
    return path;
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
  emitLater<K extends ElementKind>(parent: ElementPath, kind: K, props: Promise<object>, parentKey?: string): void {
    if (this.closed || this.mode !== "render") return;
    const path = this.emitter.reserve(parent, parentKey);
    const generation = this.generation;
    this.onActivity();
    this.pending.push(
      props.then(
        (resolved) => {
          if (generation === this.generation) this.emitter.replace(path, kind, resolved);
        },
        (error) => {
          if (generation === this.generation) this.emitter.replace(path, "exception", exceptionProps(error, this.dev));
        },
      ),
    );
  }

  /** Waits for every element placed with `emitLater`. */
  async settle(): Promise<void> {
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
    this.emitter.begin();
    this.seenWidgets.clear();
    this.createdKeys.clear();
    this.triggers.clear();
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
  widget<Value>(definition: WidgetDefinition<Value>): { id: string; value: Value } {
    this.checkpoint();
    const { kind, label, key, spec } = definition;
    const id = widgetId(kind, label, key, definition.identity);
    if (this.seenWidgets.has(id)) throw new DuplicateWidgetIdError(kind, label, key);
    this.seenWidgets.add(id);
    if (key !== undefined) this.createdKeys.add(key);

    const codec = widgetCodecs[kind];
    const defaultProblem = codec.check(definition.defaultValue, spec);
    if (defaultProblem) throw new EdgelitApiError(`The default value of ${kind} "${label}" is invalid: ${defaultProblem}.`);

    let value = definition.defaultValue as unknown;
    const stored = this.record.widgets[id];
    if (key !== undefined && Object.hasOwn(this.record.session, key)) {
      // Set through st.session before the widget existed: it becomes the widget's value.
      value = this.record.session[key];
      delete this.record.session[key];
      const problem = codec.check(value, spec);
      if (problem) throw new EdgelitApiError(`st.session.${key} holds a value ${kind} "${label}" cannot show: ${problem}.`);
    } else if (stored && stored.kind === kind && codec.check(stored.value, spec) === undefined) {
      value = stored.value;
    }
    this.record.widgets[id] = {
      kind,
      value: isTriggerKind(kind) ? false : value,
      spec,
      ...(key !== undefined && { key }),
      ...(definition.onChange && { hasCallback: true as const }),
    };

    if (this.mode === "discover" && definition.onChange && this.wantedCallbacks.has(id)) {
      this.foundCallbacks.set(id, definition.onChange);
      if (this.foundCallbacks.size === this.wantedCallbacks.size) throw new DiscoveryComplete();
    }
    return { id, value: (isTriggerKind(kind) ? this.triggers.has(id) : value) as Value };
  }

  /** Forgets widgets the finished run did not draw, as Streamlit does. */
  dropUnseenWidgets(): void {
    for (const id of Object.keys(this.record.widgets)) {
      if (!this.seenWidgets.has(id)) delete this.record.widgets[id];
    }
  }
}
