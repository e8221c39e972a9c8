import type { Placeholder } from "../core/handle.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import { openElement } from "../core/handle.ts";

/** `st.empty()`: one element that later calls replace. */
export const placeholderMethods = {
  /**
   * A placeholder for one element: each call on it replaces what it shows, so
   * calling it in a loop updates one element in place. On a placeholder,
   * `.empty()` clears it.
   *
   * @example
   * const clock = st.empty();
   * for (let s = 0; s < 5; s++) { clock.metric("Seconds", s); await sleep(1000); }
   * clock.empty();
   */
  empty(this: Drawable): Placeholder {
    const target = this[TARGET];
    return openElement(target.element(target.slot()));
  },
};
