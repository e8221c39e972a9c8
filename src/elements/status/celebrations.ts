import { TARGET, type Drawable } from "../core/target.ts";

/** Celebrations drawn over the page: they take no room in it. */
export const celebrationMethods = {
  /**
   * Balloons float up over the page, once for each run that calls this.
   * @example if (st.button("Ship it")) st.balloons();
   */
  balloons(this: Drawable): void {
    const target = this[TARGET];
    target.emit("balloons", { nonce: target.run.runNonce });
  },
  /**
   * Snowflakes fall over the page, once for each run that calls this.
   * @example if (st.session.season === "winter") st.snow();
   */
  snow(this: Drawable): void {
    const target = this[TARGET];
    target.emit("snow", { nonce: target.run.runNonce });
  },
};
