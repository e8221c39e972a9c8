import { TARGET, type Drawable } from "../core/target.ts";
import { drawElement, type ElementHandle } from "../core/handle.ts";

/** Celebrations drawn over the page: they take no room in it. */
export const celebrationMethods = {
  /**
   * Balloons float up over the page, once for each run that calls this.
   * @example if (st.button("Ship it")) st.balloons();
   */
  balloons(this: Drawable): ElementHandle {
    const target = this[TARGET];
    return drawElement(target, "balloons", { nonce: target.run.runNonce });
  },
  /**
   * Snowflakes fall over the page, once for each run that calls this.
   * @example if (st.session.season === "winter") st.snow();
   */
  snow(this: Drawable): ElementHandle {
    const target = this[TARGET];
    return drawElement(target, "snow", { nonce: target.run.runNonce });
  },
};
