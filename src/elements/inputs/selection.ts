import {
  defineWidget,
  describe,
  indexOfOption,
  isIndex,
  ok,
  refuse,
  registerWidget,
  type WidgetCodec,
} from "../core/widget-kind.ts";
import { TARGET, type Drawable, type ElementTarget } from "../core/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { baseProps, optionLabel, type WidgetOptions } from "./common.ts";

/** Options shared by the selection widgets. */
interface ChoiceOptions<Option> extends WidgetOptions {
  /** How to show an option; default: the string itself, or its JSON. */
  formatFunc?: (option: Option) => string;
}

/** Options of `selectbox` and `radio`. */
export interface SingleChoiceOptions<Option> extends ChoiceOptions<Option> {
  /** The option chosen at first; null for none (the widget then returns null). Default 0. */
  index?: number | null;
  placeholder?: string;
  /** radio only: lay the options out in a row. */
  horizontal?: boolean;
}

/** Options of `multiselect`. */
export interface MultiselectOptions<Option> extends ChoiceOptions<Option> {
  /** The options chosen at first. */
  default?: Option[];
  maxSelections?: number;
  placeholder?: string;
}

/** The `st.selectbox`, `st.radio` and `st.multiselect` methods; part of `inputMethods`. */
export const selectionMethods = {
  /**
   * A drop-down that returns the chosen option (null with `index: null` until one is chosen).
   * @example const city = st.selectbox("City", ["Oslo", "Lima"]);
   */
  selectbox<Option>(
    this: Drawable,
    label: string,
    options: readonly Option[],
    settings?: SingleChoiceOptions<Option>,
  ): Option {
    return singleChoice(this[TARGET], selectboxKind, label, options, settings) as Option;
  },
  /** A radio group that returns the chosen option. @example const size = st.radio("Size", ["S", "M", "L"]); */
  radio<Option>(
    this: Drawable,
    label: string,
    options: readonly Option[],
    settings?: SingleChoiceOptions<Option>,
  ): Option {
    return singleChoice(this[TARGET], radioKind, label, options, settings) as Option;
  },
  /**
   * A multiple-choice field that returns the chosen options, in the order given.
   * @example const picked = st.multiselect("Fruit", ["apple", "pear", "fig"], { default: ["fig"] });
   */
  multiselect<Option>(
    this: Drawable,
    label: string,
    options: readonly Option[],
    settings: MultiselectOptions<Option> = {},
  ): Option[] {
    const target = this[TARGET];
    const labels = labelsOf(options, settings.formatFunc);
    const defaultValue = settings.default ?? [];
    const { id, value, shown } = registerWidget(target, multiselectKind, {
      label,
      key: settings.key,
      identity: [labels, defaultValue, settings.maxSelections],
      settings: {
        options: [...options],
        ...(settings.maxSelections !== undefined && { maxSelections: settings.maxSelections }),
      },
      defaultValue,
      onChange: settings.onChange,
    });
    target.emit(
      "multiselect",
      baseProps(id, label, settings, {
        options: labels,
        indices: shown.map((option) => indexOfOption(options, option)),
        ...(settings.maxSelections !== undefined && { maxSelections: settings.maxSelections }),
        ...(settings.placeholder !== undefined && { placeholder: settings.placeholder }),
      }),
    );
    return value;
  },
};

/** Draws a drop-down (the selectbox kind) or a radio group (the radio kind); returns the chosen option. */
function singleChoice<Option>(
  target: ElementTarget,
  definition: typeof selectboxKind | typeof radioKind,
  label: string,
  options: readonly Option[],
  settings: SingleChoiceOptions<Option> = {},
): Option | null {
  const labels = labelsOf(options, settings.formatFunc);
  const index = settings.index === undefined ? 0 : settings.index;
  if (index !== null && (!Number.isInteger(index) || index < 0 || index >= options.length)) {
    throw new EdgelitApiError(
      `${definition.kind} "${label}": index ${index} is not an option number (there are ${options.length} options).`,
    );
  }
  const { id, value, shown } = registerWidget(target, definition, {
    label,
    key: settings.key,
    identity: [labels, index, settings.placeholder],
    settings: { options: [...options], ...(index === null && { nullable: true }) },
    defaultValue: index === null ? null : (options[index] as Option),
    onChange: settings.onChange,
  });
  const chosen = shown === null ? null : indexOfOption(options, shown);
  const props = baseProps(id, label, settings, { options: labels, index: chosen });
  if (definition.kind === "selectbox") {
    target.emit(
      "selectbox",
      Object.assign(
        props,
        settings.placeholder !== undefined ? { placeholder: settings.placeholder } : {},
      ),
    );
  } else {
    target.emit(
      "radio",
      Object.assign(props, settings.horizontal ? { horizontal: true as const } : {}),
    );
  }
  return value;
}

function labelsOf<Option>(
  options: readonly Option[],
  format: ((option: Option) => string) | undefined,
): string[] {
  return options.map((option) => (format ? String(format(option)) : optionLabel(option)));
}

// --- The kinds ---

/** What checking a choice needs: the options, whether none may be chosen, and how many may be. */
export interface ChoiceSettings {
  options: unknown[];
  nullable?: boolean;
  multiple?: boolean;
  maxSelections?: number;
}

/** Single choice: the client sends an index; the app sees the option itself. */
export const singleChoiceCodec: WidgetCodec<ChoiceSettings> = {
  fromClient(raw, settings) {
    const options = settings.options ?? [];
    if (raw === null && settings.nullable) return ok(null);
    if (!isIndex(raw, options.length))
      return refuse(
        `expected an option number from 0 to ${options.length - 1}, got ${describe(raw)}`,
      );
    return ok(options[raw]);
  },
  check(value, settings) {
    if (value === null && settings.nullable) return undefined;
    return indexOfOption(settings.options ?? [], value) === -1
      ? `${describe(value)} is not one of the options`
      : undefined;
  },
};

/** Several choices: the client sends a list of indices; the app sees the options. */
export const multiChoiceCodec: WidgetCodec<ChoiceSettings> = {
  fromClient(raw, settings) {
    const options = settings.options ?? [];
    if (!Array.isArray(raw) || !raw.every((index) => isIndex(index, options.length))) {
      return refuse(
        `expected a list of option numbers from 0 to ${options.length - 1}, got ${describe(raw)}`,
      );
    }
    if (new Set(raw).size !== raw.length) return refuse("an option was chosen twice");
    if (settings.maxSelections !== undefined && raw.length > settings.maxSelections)
      return refuse(`at most ${settings.maxSelections} options may be chosen`);
    return ok(raw.map((index: number) => options[index]));
  },
  check(value, settings) {
    if (!Array.isArray(value)) return `expected a list of options, got ${describe(value)}`;
    const missing = value.find((item) => indexOfOption(settings.options ?? [], item) === -1);
    if (missing !== undefined) return `${describe(missing)} is not one of the options`;
    if (settings.maxSelections !== undefined && value.length > settings.maxSelections)
      return `at most ${settings.maxSelections} options may be chosen`;
    return undefined;
  },
};

/** The drop-down kind. */
export const selectboxKind = defineWidget("selectbox", { codec: singleChoiceCodec });
/** The radio group kind. */
export const radioKind = defineWidget("radio", { codec: singleChoiceCodec });
/** The multiple-choice field kind. */
export const multiselectKind = defineWidget("multiselect", { codec: multiChoiceCodec });
