import { Show } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { WidgetLabel, inputId } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";

/**
 * A slider whose stops are option labels, or a range of them with two
 * thumbs. Its wire value is the option index (or `[i, j]`); screen readers
 * hear the option's label, not its number. Sent on release, like `Slider`.
 * Releasing also ends the edit when the drag came back to where it began (no
 * change event): the server's value shows again from then on.
 */
export function SelectSlider(props: ElementProps<"selectSlider">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.index,
  );
  const last = () => props.el.options.length - 1;
  const labelOf = (index: number) => props.el.options[index] ?? "";
  const fill = (index: number) => `${(index / (last() || 1)) * 100}%`;
  const readout = () => {
    const index = state.value();
    return Array.isArray(index) ? `${labelOf(index[0])} – ${labelOf(index[1])}` : labelOf(index);
  };
  const pair = (): [number, number] | undefined => {
    const index = state.value();
    return Array.isArray(index) ? [index[0], index[1]] : undefined;
  };

  return (
    <div class="slider select-slider">
      <WidgetLabel
        for={inputId(props.el.id)}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
        readout={readout()}
      />
      <Show
        when={pair()}
        fallback={
          <input
            type="range"
            id={inputId(props.el.id)}
            min={0}
            max={last()}
            step={1}
            value={state.value() as number}
            aria-valuetext={labelOf(state.value() as number)}
            disabled={props.el.disabled}
            style={{ "--fill": fill(state.value() as number) }}
            onInput={(event) => state.edit(event.currentTarget.valueAsNumber)}
            onChange={(event) => state.commit(event.currentTarget.valueAsNumber)}
            onPointerUp={(event) => state.commit(event.currentTarget.valueAsNumber)}
          />
        }
      >
        {(range) => {
          // One thumb may not pass the other: clamp, and push the clamped index back into the input.
          const thumbValue = (thumb: 0 | 1, input: HTMLInputElement): [number, number] => {
            const [low, high] = range();
            const moved =
              thumb === 0
                ? Math.min(input.valueAsNumber, high)
                : Math.max(input.valueAsNumber, low);
            input.valueAsNumber = moved;
            return thumb === 0 ? [moved, high] : [low, moved];
          };
          const thumb = (index: 0 | 1, name: string) => (
            <input
              type="range"
              id={index === 0 ? inputId(props.el.id) : undefined}
              aria-label={`${props.el.label} ${name}`}
              min={0}
              max={last()}
              step={1}
              value={range()[index]}
              aria-valuetext={labelOf(range()[index])}
              disabled={props.el.disabled}
              onInput={(event) => state.edit(thumbValue(index, event.currentTarget))}
              onChange={(event) => state.commit(thumbValue(index, event.currentTarget))}
              onPointerUp={(event) => state.commit(thumbValue(index, event.currentTarget))}
            />
          );
          return (
            <div class="range" style={{ "--from": fill(range()[0]), "--to": fill(range()[1]) }}>
              {thumb(0, "from")}
              {thumb(1, "to")}
            </div>
          );
        }}
      </Show>
    </div>
  );
}
