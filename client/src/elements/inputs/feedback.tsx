import { For } from "solid-js";
import type { FeedbackScale } from "../../../../src/protocol/index.ts";
import type { ElementProps } from "../element-props.ts";
import { createWidgetValue } from "./widget-value.ts";

interface Rating {
  value: number;
  symbol: string;
  name: string;
}

const FACES = ["😞", "🙁", "😐", "🙂", "😀"];
const FACE_NAMES = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"];

/** The ratings of each scale, in the order shown: thumbs up comes first, as in Streamlit. */
const RATINGS: Record<FeedbackScale, Rating[]> = {
  thumbs: [
    { value: 1, symbol: "👍", name: "Thumbs up" },
    { value: 0, symbol: "👎", name: "Thumbs down" },
  ],
  faces: FACES.map((symbol, value) => ({ value, symbol, name: FACE_NAMES[value]! })),
  stars: [0, 1, 2, 3, 4].map((value) => ({ value, symbol: "★", name: `${value + 1} star${value ? "s" : ""}` })),
};

/**
 * `st.feedback`: a row of rating buttons. The wire value is the chosen rating
 * or null; clicking the chosen one again clears it. Stars light up to the chosen one.
 */
export function Feedback(props: ElementProps<"feedback">) {
  const state = createWidgetValue(() => props.el, () => props.el.index);
  const lit = (rating: number) => {
    const chosen = state.value();
    return chosen !== null && (chosen === rating || (props.el.scale === "stars" && rating < chosen));
  };
  return (
    <div role="group" aria-label="Feedback" class={`feedback ${props.el.scale}`}>
      <For each={RATINGS[props.el.scale]}>
        {(rating) => (
          <button
            type="button"
            class="feedback-option"
            classList={{ lit: lit(rating.value) }}
            aria-label={rating.name}
            title={rating.name}
            aria-pressed={state.value() === rating.value}
            disabled={props.el.disabled}
            onClick={() => state.commit(state.value() === rating.value ? null : rating.value)}
          >
            {rating.symbol}
          </button>
        )}
      </For>
    </div>
  );
}
