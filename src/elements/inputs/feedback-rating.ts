import { defineWidget, registerWidget } from "../core/widget-kind.ts";
import { singleChoiceCodec } from "./selection.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import type { FeedbackScale } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import type { WidgetOptions } from "./common.ts";

/** Options of `feedback`. It has no label, so no `help`. */
export type FeedbackOptions = Omit<WidgetOptions, "help">;

/** How many ratings each scale offers. */
const SCALE_SIZES: Record<FeedbackScale, number> = { thumbs: 2, faces: 5, stars: 5 };

/** The `st.feedback` method; part of `inputMethods`. */
export const feedbackRatingMethods = {
  /**
   * A rating: "thumbs" (0 down, 1 up), "faces" or "stars" (0 to 4). Returns the chosen rating,
   * or null; clicking the chosen one again clears it.
   * @example const stars = st.feedback("stars"); if (stars !== null) st.write(`You gave ${stars + 1} stars`);
   */
  feedback(
    this: Drawable,
    scale: FeedbackScale = "thumbs",
    options: FeedbackOptions = {},
  ): number | null {
    const target = this[TARGET];
    if (!Object.hasOwn(SCALE_SIZES, scale)) {
      throw new EdgelitApiError(
        `feedback takes "thumbs", "faces" or "stars", got ${JSON.stringify(scale)}.`,
      );
    }
    const ratings = Array.from({ length: SCALE_SIZES[scale] }, (_, rating) => rating);
    const { id, value, shown } = registerWidget(target, feedbackKind, {
      // The scale names the widget: two of one scale need keys, as in Streamlit.
      label: scale,
      key: options.key,
      identity: [],
      settings: { options: ratings, nullable: true },
      defaultValue: null as number | null,
      onChange: options.onChange,
    });
    target.emit("feedback", {
      id,
      label: scale,
      scale,
      index: shown,
      ...(options.disabled && { disabled: true }),
    });
    return value;
  },
};

// --- The kind ---

/** The feedback kind: its options are the ratings themselves (0, 1, ...), so an index is its own value. */
export const feedbackKind = defineWidget("feedback", { codec: singleChoiceCodec });
