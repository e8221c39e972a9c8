import { Show } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { WidgetLabel, inputId } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";

/**
 * A slider, or a range slider with two thumbs on one track. The value moves
 * with the thumb; it is sent on release (`change`), not on every `input`.
 */
export function Slider(props: ElementProps<"slider">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.value,
  );
  const range = (): [number, number] | undefined => {
    const value = state.value();
    return Array.isArray(value) ? [value[0], value[1]] : undefined;
  };
  const readout = () => {
    const value = state.value();
    return Array.isArray(value) ? `${value[0]} – ${value[1]}` : String(value);
  };
  const fill = (value: number) =>
    `${((value - props.el.min) / (props.el.max - props.el.min || 1)) * 100}%`;

  return (
    <div class="slider">
      <WidgetLabel
        for={inputId(props.el.id)}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
        readout={readout()}
      />
      <Show
        when={range()}
        fallback={
          <input
            type="range"
            id={inputId(props.el.id)}
            min={props.el.min}
            max={props.el.max}
            step={props.el.step}
            value={state.value() as number}
            disabled={props.el.disabled}
            style={{ "--fill": fill(state.value() as number) }}
            onInput={(event) => state.edit(event.currentTarget.valueAsNumber)}
            onChange={(event) => state.commit(event.currentTarget.valueAsNumber)}
            // Also on release: a drag back to where it began fires no change, and must still end the edit.
            onPointerUp={(event) => state.commit(event.currentTarget.valueAsNumber)}
          />
        }
      >
        {(pair) => {
          // One thumb may not pass the other: clamp, and push the clamped value back into the input.
          const thumbValue = (thumb: 0 | 1, input: HTMLInputElement): [number, number] => {
            const [lo, hi] = pair();
            const moved =
              thumb === 0 ? Math.min(input.valueAsNumber, hi) : Math.max(input.valueAsNumber, lo);
            input.valueAsNumber = moved;
            return thumb === 0 ? [moved, hi] : [lo, moved];
          };
          const thumb = (index: 0 | 1, name: string) => (
            <input
              type="range"
              id={index === 0 ? inputId(props.el.id) : undefined}
              aria-label={`${props.el.label} ${name}`}
              min={props.el.min}
              max={props.el.max}
              step={props.el.step}
              value={pair()[index]}
              disabled={props.el.disabled}
              onInput={(event) => state.edit(thumbValue(index, event.currentTarget))}
              onChange={(event) => state.commit(thumbValue(index, event.currentTarget))}
              onPointerUp={(event) => state.commit(thumbValue(index, event.currentTarget))}
            />
          );
          return (
            <div class="range" style={{ "--from": fill(pair()[0]), "--to": fill(pair()[1]) }}>
              {thumb(0, "from")}
              {thumb(1, "to")}
            </div>
          );
        }}
      </Show>
    </div>
  );
}
