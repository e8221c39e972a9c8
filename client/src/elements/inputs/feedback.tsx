import { For, type JSX } from "solid-js";
import type { FeedbackScale } from "../../../../src/protocol/index.ts";
import type { ElementProps } from "../element-props.ts";
import { createWidgetValue } from "./widget-value.ts";

interface Rating {
  value: number;
  name: string;
  icon: () => JSX.Element;
}

// Drawn as SVG, not emoji: they look the same on every system, fonts or not, and take the theme's colours.
const THUMB =
  "M7 21V10l5-6.5a1.8 1.8 0 0 1 3.2 1.4L14.4 9H19a2 2 0 0 1 2 2.4l-1.4 7.2A3 3 0 0 1 16.7 21ZM2.5 10H5v11H2.5Z";
const thumb = (down: boolean) => () => (
  <svg viewBox="0 0 24 24" aria-hidden="true">
    <path d={THUMB} fill="currentColor" transform={down ? "rotate(180 12 12)" : undefined} />
  </svg>
);
/** A face whose mouth bends from a frown (-1) to a smile (1). */
const face = (mood: number) => () => (
  <svg
    viewBox="0 0 24 24"
    aria-hidden="true"
    fill="none"
    stroke="currentColor"
    stroke-width="1.8"
    stroke-linecap="round"
  >
    <circle cx="12" cy="12" r="9.5" />
    <circle cx="8.8" cy="9.5" r="0.6" fill="currentColor" />
    <circle cx="15.2" cy="9.5" r="0.6" fill="currentColor" />
    <path d={`M8 ${15.5 - mood} Q12 ${15.5 + 3 * mood} 16 ${15.5 - mood}`} />
  </svg>
);
const star = () => (
  <svg viewBox="0 0 24 24" aria-hidden="true">
    <path
      d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8Z"
      fill="currentColor"
    />
  </svg>
);

const FACE_NAMES = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"];

/** The ratings of each scale, in the order shown: thumbs up comes first, as in Streamlit. */
const RATINGS: Record<FeedbackScale, Rating[]> = {
  thumbs: [
    { value: 1, name: "Thumbs up", icon: thumb(false) },
    { value: 0, name: "Thumbs down", icon: thumb(true) },
  ],
  faces: FACE_NAMES.map((name, value) => ({ value, name, icon: face((value - 2) / 2) })),
  stars: [0, 1, 2, 3, 4].map((value) => ({
    value,
    name: `${value + 1} star${value ? "s" : ""}`,
    icon: star,
  })),
};

/**
 * `st.feedback`: a row of rating buttons. The wire value is the chosen rating
 * or null; clicking the chosen one again clears it. Stars light up to the chosen one.
 */
export function Feedback(props: ElementProps<"feedback">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.index,
  );
  const lit = (rating: number) => {
    const chosen = state.value();
    return (
      chosen !== null && (chosen === rating || (props.el.scale === "stars" && rating < chosen))
    );
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
            {rating.icon()}
          </button>
        )}
      </For>
    </div>
  );
}
