import type { ElementPath, WidgetKind } from "../protocol/index.ts";
import type { SessionRecord } from "../session/record.ts";
import { EdgelitApiError } from "../errors/api-error.ts";
import type { RunLocation } from "./location.ts";
import type { RunForms } from "./run-forms.ts";
import { DiscoveryComplete, DuplicateWidgetIdError } from "./signals.ts";
import { widgetId } from "./widget-id.ts";
import type { WidgetRuleTable } from "./widget-rules.ts";

/**
 * What an element function tells the run about a widget it is drawing (its
 * kind and place are passed beside it, so the call is the method's own object).
 */
export interface WidgetCall<Value, Settings = unknown> {
  label: string;
  key: string | undefined;
  /** Options that make two otherwise equal widgets different (Streamlit hashes every argument). */
  identity: unknown[];
  /** What checking its values needs (range, options, ...), kept in the record until the next run. */
  settings: Settings;
  defaultValue: Value;
  onChange: (() => unknown) | undefined;
}

/** A widget as the run registered it. */
export interface RegisteredWidget<Value> {
  id: string;
  /** The value the app sees. */
  value: Value;
  /** The value the page shows: `value`, except in the run that clears its form, where it is the default. */
  shown: Value;
}

/** What the registry reads of its run. */
export interface RegistryContext {
  readonly record: SessionRecord;
  /** The forms the run has drawn so far. */
  readonly forms: RunForms;
  /** The page's URL as the run sees it: its running page names a page's own widgets. */
  readonly location: RunLocation;
  /** Trigger widgets fired by this event, with the value they hold for this run. */
  readonly triggers: ReadonlyMap<string, unknown>;
  /** The callbacks a discovery pass is looking for; undefined in other runs. */
  readonly wantedCallbacks: ReadonlySet<string> | undefined;
}

/**
 * The widgets one run meets: their ids, their values (sent by the client,
 * set through `st.session`, or their defaults, each checked by the kind's
 * codec), what the record keeps of them, and the callbacks a discovery pass finds.
 */
export class WidgetRegistry {
  private readonly seen = new Set<string>();
  private readonly createdKeys = new Set<string>();
  /** Callbacks found by a discovery pass, by widget id. */
  readonly foundCallbacks = new Map<string, () => unknown>();

  constructor(
    private readonly rules: WidgetRuleTable,
    private readonly context: RegistryContext,
  ) {}

  /**
   * True once a widget's value came from `st.session` in this event (set
   * before the widget existed, or after): the record then holds a value that
   * a rerun from a new session would not give, so it must be saved.
   */
  valuesSet = false;

  /** Forgets the widgets met so far (after `st.rerun()`). */
  restart(): void {
    this.seen.clear();
    this.createdKeys.clear();
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
  register<Value>(
    kind: WidgetKind,
    at: ElementPath,
    call: WidgetCall<Value>,
  ): RegisteredWidget<Value> {
    const { label, key, settings } = call;
    const { record } = this.context;
    const forms = this.context.forms;
    const rules = this.rules[kind];
    const form = forms.formAt(at);
    if (form && rules.notInForms !== undefined) {
      throw new EdgelitApiError(
        `st.${kind}() can't be used in a form (it is in the form "${form.key}"). ${rules.notInForms}`,
      );
    }
    // A page's unkeyed widgets are its own: the same label on another page is another widget.
    const page = this.context.location.runningPage;
    // As in Streamlit, the form is part of a widget's identity: equal widgets in two forms differ.
    const identity =
      form === undefined && page === undefined
        ? call.identity
        : [
            ...call.identity,
            ...(form ? [{ form: form.key }] : []),
            ...(page === undefined ? [] : [{ page }]),
          ];
    const id = widgetId(kind, label, key, identity);
    if (this.seen.has(id)) throw new DuplicateWidgetIdError(kind, label, key);
    this.seen.add(id);
    if (key !== undefined) this.createdKeys.add(key);

    const { codec } = rules;
    const defaultProblem = codec.check(call.defaultValue, settings);
    if (defaultProblem)
      throw new EdgelitApiError(
        `The default value of ${kind} "${label}" is invalid: ${defaultProblem}.`,
      );

    let value = call.defaultValue as unknown;
    const stored = record.widgets[id];
    if (key !== undefined && Object.hasOwn(record.session, key)) {
      // Set through st.session before the widget existed: it becomes the widget's value.
      value = codec.normalize ? codec.normalize(record.session[key]) : record.session[key];
      delete record.session[key];
      this.valuesSet = true;
      const problem = codec.check(value, settings);
      if (problem)
        throw new EdgelitApiError(
          `st.session.${key} holds a value ${kind} "${label}" cannot show: ${problem}.`,
        );
    } else if (
      stored &&
      stored.kind === kind &&
      codec.check(stored.value, settings) === undefined
    ) {
      value = stored.value;
    }
    const trigger = rules.trigger;
    // A form cleared by its submit: this run sees what was sent; the page and the next runs, the default.
    const clearing = !trigger && form?.clearing === true;
    if (clearing) forms.submittedValues.set(id, value);
    const kept = trigger ? trigger.idleValue : clearing ? call.defaultValue : value;
    const state: SessionRecord["widgets"][string] = { kind, value: kept, spec: settings };
    if (key !== undefined) state.key = key;
    if (call.onChange) state.hasCallback = true;
    if (form) state.form = form.key;
    if (key !== undefined && page !== undefined) state.page = page;
    record.widgets[id] = state;

    const wanted = this.context.wantedCallbacks;
    if (wanted && call.onChange && wanted.has(id)) {
      this.foundCallbacks.set(id, call.onChange);
      if (this.foundCallbacks.size === wanted.size) throw new DiscoveryComplete();
    }
    const seen = (trigger ? this.triggerValue(id, trigger.idleValue) : value) as Value;
    return { id, value: seen, shown: (clearing ? call.defaultValue : seen) as Value };
  }

  /** What the app sees as a widget's value in this run (`st.session[key]` reads it). */
  valueOf(id: string): unknown {
    const widget = this.context.record.widgets[id];
    if (!widget) return undefined;
    const trigger = this.rules[widget.kind].trigger;
    if (trigger) return this.triggerValue(id, trigger.idleValue);
    const submitted = this.context.forms.submittedValues;
    return submitted.has(id) ? submitted.get(id) : widget.value;
  }

  /**
   * Sets a keyed widget's value from `st.session[key] = value`, normalised and
   * checked by its kind's codec; throws a clear error when the kind refuses it.
   */
  setValue(name: string, id: string, value: unknown): void {
    const widget = this.context.record.widgets[id]!;
    const { codec, trigger } = this.rules[widget.kind];
    if (trigger)
      throw new EdgelitApiError(
        `st.session.${name} belongs to a ${widget.kind}; its value cannot be set.`,
      );
    const kept = codec.normalize ? codec.normalize(value) : value;
    const problem = codec.check(kept, widget.spec);
    if (problem)
      throw new EdgelitApiError(`st.session.${name} cannot be set to that value: ${problem}.`);
    widget.value = kept;
    this.valuesSet = true;
  }

  /** True when this widget was drawn in this run. */
  wasSeen(id: string): boolean {
    return this.seen.has(id);
  }

  /** A trigger widget's value in this run: what its event sent, else its idle value (false, null). */
  private triggerValue(id: string, idleValue: unknown): unknown {
    const triggers = this.context.triggers;
    return triggers.has(id) ? triggers.get(id) : idleValue;
  }
}
