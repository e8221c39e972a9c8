import type { ElementTarget } from "../../app/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { indexOfOption } from "./codecs.ts";
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

/**
 * A drop-down (kind "selectbox") or radio group (kind "radio") that returns
 * the chosen option itself.
 */
export function singleChoice<Option>(
  target: ElementTarget,
  kind: "selectbox" | "radio",
  label: string,
  options: readonly Option[],
  settings: SingleChoiceOptions<Option> = {},
): Option | null {
  const labels = labelsOf(options, settings.formatFunc);
  const index = settings.index === undefined ? 0 : settings.index;
  if (index !== null && (!Number.isInteger(index) || index < 0 || index >= options.length)) {
    throw new EdgelitApiError(`${kind} "${label}": index ${index} is not an option number (there are ${options.length} options).`);
  }
  const { id, value, shown } = target.run.widget<Option | null>({
    kind,
    label,
    key: settings.key,
    identity: [labels, index, settings.placeholder],
    spec: { options: [...options], ...(index === null && { nullable: true }) },
    defaultValue: index === null ? null : (options[index] as Option),
    onChange: settings.onChange,
    at: target.path,
  });
  const chosen = shown === null ? null : indexOfOption(options, shown);
  const props = baseProps(id, label, settings, { options: labels, index: chosen });
  if (kind === "selectbox") {
    target.emit("selectbox", Object.assign(props, settings.placeholder !== undefined ? { placeholder: settings.placeholder } : {}));
  } else {
    target.emit("radio", Object.assign(props, settings.horizontal ? { horizontal: true as const } : {}));
  }
  return value;
}

/**
 * A multiple-choice field that returns the chosen options, in the order given.
 * @example const picked = st.multiselect("Fruit", ["apple", "pear", "fig"], { default: ["fig"] });
 */
export function multiselect<Option>(
  target: ElementTarget,
  label: string,
  options: readonly Option[],
  settings: MultiselectOptions<Option> = {},
): Option[] {
  const labels = labelsOf(options, settings.formatFunc);
  const defaultValue = settings.default ?? [];
  const { id, value, shown } = target.run.widget<Option[]>({
    kind: "multiselect",
    label,
    key: settings.key,
    identity: [labels, defaultValue, settings.maxSelections],
    spec: { options: [...options], ...(settings.maxSelections !== undefined && { maxSelections: settings.maxSelections }) },
    defaultValue,
    onChange: settings.onChange,
    at: target.path,
  });
  target.emit("multiselect", baseProps(id, label, settings, {
    options: labels,
    indices: shown.map((option) => indexOfOption(options, option)),
    ...(settings.maxSelections !== undefined && { maxSelections: settings.maxSelections }),
    ...(settings.placeholder !== undefined && { placeholder: settings.placeholder }),
  }));
  return value;
}

function labelsOf<Option>(options: readonly Option[], format: ((option: Option) => string) | undefined): string[] {
  return options.map((option) => (format ? String(format(option)) : optionLabel(option)));
}
