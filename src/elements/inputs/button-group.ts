import {
  defineWidget,
  indexOfOption,
  registerWidget,
  type WidgetCodec,
} from "../core/widget-kind.ts";
import { multiChoiceCodec, singleChoiceCodec, type ChoiceSettings } from "./selection.ts";
import { TARGET, type Drawable, type ElementTarget } from "../core/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { baseProps, optionLabel, type WidgetOptions } from "./common.ts";

interface ButtonGroupBaseOptions<Option> extends WidgetOptions {
  /** How to show an option; default: the string itself, or its JSON. */
  formatFunc?: (option: Option) => string;
}

/** Options of `pills` and `segmentedControl` choosing one option (the default mode). */
export interface SingleButtonGroupOptions<Option> extends ButtonGroupBaseOptions<Option> {
  selectionMode?: "single";
  /** The option chosen at first; default none (the widget returns null). */
  default?: Option | null;
}

/** Options of `pills` and `segmentedControl` choosing any number of options. */
export interface MultiButtonGroupOptions<Option> extends ButtonGroupBaseOptions<Option> {
  selectionMode: "multi";
  /** The options chosen at first; default none. */
  default?: readonly Option[];
}

/** Options of `pills` and `segmentedControl`. */
export type ButtonGroupOptions<Option> =
  | SingleButtonGroupOptions<Option>
  | MultiButtonGroupOptions<Option>;

/** The `st.pills` and `st.segmentedControl` methods; part of `inputMethods`. */
export const buttonGroupMethods = {
  /**
   * Options as round toggle buttons. Returns the chosen option, or null (clicking
   * the chosen one again clears it); with `selectionMode: "multi"`, the chosen options,
   * in the order given.
   * @example
   * const mood = st.pills("Mood", ["🙂 Calm", "⚡ Busy"]);
   * const tags = st.pills("Tags", ["red", "green", "blue"], { selectionMode: "multi", default: ["red"] });
   */
  pills: pillsMethod,
  /**
   * Options as one row of joined buttons; returns what `st.pills` returns.
   * @example const view = st.segmentedControl("View", ["Map", "Table"], { default: "Map" });
   */
  segmentedControl: segmentedControlMethod,
};

function pillsMethod<Option>(
  this: Drawable,
  label: string,
  options: readonly Option[],
  settings: MultiButtonGroupOptions<Option>,
): Option[];
function pillsMethod<Option>(
  this: Drawable,
  label: string,
  options: readonly Option[],
  settings?: SingleButtonGroupOptions<Option>,
): Option | null;
function pillsMethod<Option>(
  this: Drawable,
  label: string,
  options: readonly Option[],
  settings?: ButtonGroupOptions<Option>,
): Option | null | Option[] {
  return buttonGroup(this[TARGET], pillsKind, label, options, settings);
}

function segmentedControlMethod<Option>(
  this: Drawable,
  label: string,
  options: readonly Option[],
  settings: MultiButtonGroupOptions<Option>,
): Option[];
function segmentedControlMethod<Option>(
  this: Drawable,
  label: string,
  options: readonly Option[],
  settings?: SingleButtonGroupOptions<Option>,
): Option | null;
function segmentedControlMethod<Option>(
  this: Drawable,
  label: string,
  options: readonly Option[],
  settings?: ButtonGroupOptions<Option>,
): Option | null | Option[] {
  return buttonGroup(this[TARGET], segmentedControlKind, label, options, settings);
}

/** Draws a row of toggle buttons (the pills or segmented control kind); returns what `pills` returns. */
function buttonGroup<Option>(
  target: ElementTarget,
  definition: typeof pillsKind | typeof segmentedControlKind,
  label: string,
  options: readonly Option[],
  settings: ButtonGroupOptions<Option> = {},
): Option | null | Option[] {
  const kind = definition.kind;
  const mode = settings.selectionMode ?? "single";
  if (mode !== "single" && mode !== "multi") {
    throw new EdgelitApiError(
      `${kind} "${label}": selectionMode must be "single" or "multi", got ${JSON.stringify(mode)}.`,
    );
  }
  const multi = mode === "multi";
  if (!Array.isArray(options))
    throw new EdgelitApiError(`${kind} "${label}": options must be a list, got ${typeof options}.`);
  const labels = options.map((option) =>
    settings.formatFunc ? String(settings.formatFunc(option)) : optionLabel(option),
  );
  const defaultValue =
    settings.selectionMode === "multi" ? [...(settings.default ?? [])] : (settings.default ?? null);
  const { id, value, shown } = registerWidget(target, definition, {
    label,
    key: settings.key,
    identity: [labels, defaultValue, multi],
    settings: { options: [...options], ...(multi ? { multiple: true } : { nullable: true }) },
    defaultValue,
    onChange: settings.onChange,
  });
  const chosen = multi ? (shown as Option[]) : shown === null ? [] : [shown];
  target.emit(
    kind,
    baseProps(id, label, settings, {
      options: labels,
      indices: chosen.map((option) => indexOfOption(options, option)),
      ...(multi && { multi: true }),
    }),
  );
  return value;
}

// --- The kinds ---

/** Pills and segmented controls: one option or none, or with `multiple` a list of options. */
const buttonGroupCodec: WidgetCodec<ChoiceSettings> = {
  fromClient: (raw, settings) =>
    (settings.multiple ? multiChoiceCodec : singleChoiceCodec).fromClient(raw, settings),
  check: (value, settings) =>
    (settings.multiple ? multiChoiceCodec : singleChoiceCodec).check(value, settings),
};

/** The pills kind. */
export const pillsKind = defineWidget("pills", { codec: buttonGroupCodec });
/** The segmented control kind. */
export const segmentedControlKind = defineWidget("segmentedControl", { codec: buttonGroupCodec });
