import { TARGET, type Drawable } from "../core/target.ts";
import type { ElementHandle } from "../core/handle.ts";
import type { FeedbackScale } from "../../protocol/index.ts";
import {
  buttonGroup,
  pillsKind,
  segmentedControlKind,
  type ButtonGroupOptions,
  type MultiButtonGroupOptions,
  type SingleButtonGroupOptions,
} from "./button-group.ts";
import { feedback, type FeedbackOptions } from "./feedback-rating.ts";
import { linkButton, type LinkButtonOptions } from "./link-button.ts";

export type {
  ButtonGroupOptions,
  FeedbackOptions,
  LinkButtonOptions,
  MultiButtonGroupOptions,
  SingleButtonGroupOptions,
};

/** Buttons in rows: pills, segmented controls, feedback ratings, and the link button. */
export const buttonRowMethods = {
  /**
   * Options as round toggle buttons. Returns the chosen option, or null (clicking
   * the chosen one again clears it); with `selectionMode: "multi"`, the chosen options.
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
  /**
   * A rating: "thumbs" (0 down, 1 up), "faces" or "stars" (0 to 4). Returns the
   * chosen rating, or null; clicking the chosen one again clears it.
   * @example const stars = st.feedback("stars"); if (stars !== null) st.write(`You gave ${stars + 1} stars`);
   */
  feedback(this: Drawable, scale?: FeedbackScale, options?: FeedbackOptions): number | null {
    return feedback(this[TARGET], scale, options);
  },
  /**
   * A link that looks like a button and opens `url` in a new tab; it causes no rerun.
   * @example st.linkButton("Docs", "https://docs.streamlit.io", { icon: "📖" })
   */
  linkButton(
    this: Drawable,
    label: string,
    url: string | URL,
    options?: LinkButtonOptions,
  ): ElementHandle {
    return linkButton(this[TARGET], label, url, options);
  },
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
