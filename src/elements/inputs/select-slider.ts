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
import { TARGET, type Drawable } from "../core/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { baseProps, optionLabel, type WidgetOptions } from "./common.ts";

/** Options of `selectSlider`; a `[low, high]` pair of options as `value` makes a range. */
export interface SelectSliderOptions<Option> extends WidgetOptions {
  /** The option chosen at first, or `[low, high]` for a range. Default: the first option. */
  value?: Option | readonly [Option, Option];
  /** How to show an option; default: the string itself, or its JSON. */
  formatFunc?: (option: Option) => string;
}

/** The `st.selectSlider` method; part of `inputMethods`. */
export const selectSliderMethods = {
  /**
   * A slider whose stops are the options (any data): returns the chosen option, or
   * `[low, high]` when `value` is a pair of options (a pair in the wrong order is put right,
   * as Streamlit does).
   * @example
   * const size = st.selectSlider("Size", ["S", "M", "L"], { value: "M" });
   * const [from, to] = st.selectSlider("Months", ["Jan", "Feb", "Mar", "Apr"], { value: ["Feb", "Mar"] });
   */
  selectSlider: selectSliderMethod,
};

function selectSliderMethod<Option>(
  this: Drawable,
  label: string,
  options: readonly Option[],
  settings: SelectSliderOptions<Option> & { value: readonly [Option, Option] },
): [Option, Option];
function selectSliderMethod<Option>(
  this: Drawable,
  label: string,
  options: readonly Option[],
  settings?: SelectSliderOptions<Option> & { value?: Option },
): Option;
function selectSliderMethod<Option>(
  this: Drawable,
  label: string,
  options: readonly Option[],
  settings: SelectSliderOptions<Option> = {},
): Option | [Option, Option] {
  const target = this[TARGET];
  if (options.length === 0)
    throw new EdgelitApiError(`selectSlider "${label}": it needs at least one option.`);
  const labels = options.map((option) =>
    settings.formatFunc ? String(settings.formatFunc(option)) : optionLabel(option),
  );
  const given = settings.value === undefined ? options[0] : settings.value;
  // An array is a range unless it is itself one of the options.
  const range = Array.isArray(given) && given.length === 2 && indexOfOption(options, given) === -1;
  const wanted = range ? (given as readonly [Option, Option]) : [given as Option];
  const defaultIndices = wanted.map((option) => {
    const index = indexOfOption(options, option);
    if (index === -1)
      throw new EdgelitApiError(
        `selectSlider "${label}": the value ${optionLabel(option)} is not one of the options.`,
      );
    return index;
  });
  defaultIndices.sort((a, b) => a - b);
  const defaultValue = range
    ? defaultIndices.map((index) => options[index] as Option)
    : (options[defaultIndices[0]!] as Option);
  const { id, value, shown } = registerWidget(target, selectSliderKind, {
    label,
    key: settings.key,
    identity: [labels, defaultIndices],
    settings: { options: [...options], ...(range && { range: true }) },
    defaultValue: defaultValue as Option | [Option, Option],
    onChange: settings.onChange,
  });
  const index = range
    ? ((shown as [Option, Option]).map((option) => indexOfOption(options, option)) as [
        number,
        number,
      ])
    : indexOfOption(options, shown);
  target.emit("selectSlider", baseProps(id, label, settings, { options: labels, index }));
  return value;
}

// --- The kind ---

/** What checking a select slider's value needs: its options, and whether it is a range. */
export interface SelectSliderSettings {
  options: unknown[];
  range?: boolean;
}

/** A slider over options: the client sends an index, or `[i, j]` for a range; the app sees the options. */
const selectSliderCodec: WidgetCodec<SelectSliderSettings> = {
  fromClient(raw, settings) {
    const options = settings.options ?? [];
    const expected = `an option number from 0 to ${options.length - 1}`;
    if (!settings.range) {
      if (Array.isArray(raw)) return refuse("expected one option, got a range");
      return isIndex(raw, options.length)
        ? ok(options[raw])
        : refuse(`expected ${expected}, got ${describe(raw)}`);
    }
    if (
      !Array.isArray(raw) ||
      raw.length !== 2 ||
      !raw.every((index) => isIndex(index, options.length))
    ) {
      return refuse(
        `expected a range [low, high] of option numbers from 0 to ${options.length - 1}, got ${describe(raw)}`,
      );
    }
    const [low, high] = raw as [number, number];
    if (low > high)
      return refuse(`the range's low end (option ${low}) is above its high end (option ${high})`);
    return ok([options[low], options[high]]);
  },
  check(value, settings) {
    const options = settings.options ?? [];
    const notAnOption = (option: unknown) =>
      indexOfOption(options, option) === -1
        ? `${describe(option)} is not one of the options`
        : undefined;
    if (!settings.range) return notAnOption(value);
    if (!Array.isArray(value) || value.length !== 2)
      return `expected a range [low, high] of options, got ${describe(value)}`;
    const reason = notAnOption(value[0]) ?? notAnOption(value[1]);
    if (reason) return reason;
    return indexOfOption(options, value[0]) <= indexOfOption(options, value[1])
      ? undefined
      : `the range's low end ${describe(value[0])} comes after its high end ${describe(value[1])}`;
  },
};

/** The select slider kind: one option, or a `[low, high]` range of options. */
export const selectSliderKind = defineWidget("selectSlider", { codec: selectSliderCodec });
