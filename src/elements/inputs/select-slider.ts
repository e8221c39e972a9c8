import type { ElementTarget } from "../../app/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { indexOfOption } from "./codecs.ts";
import { baseProps, optionLabel, type WidgetOptions } from "./common.ts";

/** Options of `selectSlider`; a `[low, high]` pair of options as `value` makes a range. */
export interface SelectSliderOptions<Option> extends WidgetOptions {
  /** The option chosen at first, or `[low, high]` for a range. Default: the first option. */
  value?: Option | readonly [Option, Option];
  /** How to show an option; default: the string itself, or its JSON. */
  formatFunc?: (option: Option) => string;
}

/**
 * A slider whose stops are the given options (any data); it returns the
 * chosen option, or `[low, high]` when `value` is a pair of options. A pair
 * given in the wrong order is put right, as Streamlit does.
 * @example const size = st.selectSlider("Size", ["S", "M", "L", "XL"], { value: "M" });
 */
export function selectSlider<Option>(
  target: ElementTarget,
  label: string,
  options: readonly Option[],
  settings: SelectSliderOptions<Option> = {},
): Option | [Option, Option] {
  if (options.length === 0) throw new EdgelitApiError(`selectSlider "${label}": it needs at least one option.`);
  const labels = options.map((option) => (settings.formatFunc ? String(settings.formatFunc(option)) : optionLabel(option)));
  const given = settings.value === undefined ? options[0] : settings.value;
  // An array is a range unless it is itself one of the options.
  const range = Array.isArray(given) && given.length === 2 && indexOfOption(options, given) === -1;
  const wanted = range ? (given as readonly [Option, Option]) : [given as Option];
  const defaultIndices = wanted.map((option) => {
    const index = indexOfOption(options, option);
    if (index === -1) throw new EdgelitApiError(`selectSlider "${label}": the value ${optionLabel(option)} is not one of the options.`);
    return index;
  });
  defaultIndices.sort((a, b) => a - b);
  const defaultValue = range ? defaultIndices.map((index) => options[index] as Option) : (options[defaultIndices[0]!] as Option);
  const { id, value, shown } = target.run.widget<Option | [Option, Option]>({
    kind: "selectSlider",
    label,
    key: settings.key,
    identity: [labels, defaultIndices],
    spec: { options: [...options], ...(range && { range: true }) },
    defaultValue: defaultValue as Option | [Option, Option],
    onChange: settings.onChange,
    at: target.path,
  });
  const index = range
    ? ((shown as [Option, Option]).map((option) => indexOfOption(options, option)) as [number, number])
    : indexOfOption(options, shown);
  target.emit("selectSlider", baseProps(id, label, settings, { options: labels, index }));
  return value;
}
