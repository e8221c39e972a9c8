import type { ElementHandle } from "../core/handle.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { iconProp } from "../icons/icon-option.ts";
import { drawElement } from "../core/handle.ts";

/** Options of `progress`. */
export interface ProgressOptions {
  /** A line of text over the bar (markdown). */
  text?: string;
}

/** Options of `toast`. */
export interface ToastOptions {
  /** One emoji, or a Material icon as ":material/icon_name:", before the text. */
  icon?: string;
}

/** Feedback while the script works: progress bars, spinners, toasts. */
export const feedbackMethods = {
  /**
   * A progress bar. `value` is a percentage from 0 to 100, or a share from 0
   * to 1: numbers up to 1 are shares (so `i / n` ends full), larger ones
   * percentages. Returns its handle, whose `.progress()` moves the same bar.
   *
   * @example
   * const bar = st.progress(0, { text: "Loading…" });
   * for (let i = 1; i <= 10; i++) { await step(i); bar.progress(i / 10, { text: `Step ${i} of 10` }); }
   */
  progress(this: Drawable, value: number, options: ProgressOptions = {}): ElementHandle {
    const props: { value: number; text?: string } = { value: toPercent(value) };
    if (options.text !== undefined) props.text = String(options.text);
    return drawElement(this[TARGET], "progress", props);
  },
  /**
   * Shows a spinner while `task` runs, removes it when `task` ends (returns or
   * throws), and returns what `task` returned. Elements `task` draws go after it.
   *
   * @example
   * const rows = await st.spinner("Loading data…", () => fetchRows());
   */
  async spinner<T>(this: Drawable, text: string, task: () => T | Promise<T>): Promise<Awaited<T>> {
    const target = this[TARGET];
    const path = target.emit("spinner", { text: String(text) });
    // The slot stays, drawing nothing: later elements keep their paths and the tree its counts.
    const done = (checkpoint: boolean) => target.run.replace(path, "empty", {}, { checkpoint });
    let result: Awaited<T>;
    try {
      result = await task();
    } catch (error) {
      done(false);
      throw error;
    }
    done(true);
    return result;
  },
  /**
   * A short message in the corner of the page that hides itself after a few
   * seconds. It takes no room in the page; each call shows it once, again in
   * every run that calls it.
   *
   * @example st.toast("Saved!", { icon: "✅" })
   */
  toast(this: Drawable, body: string, options: ToastOptions = {}): ElementHandle {
    const target = this[TARGET];
    return drawElement(target, "toast", {
      body: String(body),
      ...iconProp("st.toast", options.icon),
      nonce: target.run.runNonce,
    });
  },
};

function toPercent(value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 100) {
    throw new EdgelitApiError(
      `st.progress takes a share from 0 to 1 or a percentage from 0 to 100; got ${String(value)}.`,
    );
  }
  // Rounded so float noise (0.07 * 100) neither shows nor changes the element's hash.
  return value <= 1 ? Math.round(value * 10_000) / 100 : value;
}
