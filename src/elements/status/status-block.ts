import type { Container } from "../core/handle.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import type { ElementPropsByKind } from "../../protocol/index.ts";
import { openContainer } from "../core/handle.ts";

type StatusProps = ElementPropsByKind["status"];

/** Options of `status`, and what `update` may change. */
export interface StatusOptions {
  /** "running" (a spinner, the default), "complete" (a check) or "error" (a cross). */
  state?: StatusProps["state"];
  /** Open the box; default closed. */
  expanded?: boolean;
}

/** What `status` returns: a container that can change its label, state and openness. */
export interface StatusContainer extends Container {
  /**
   * Changes the box in place; the elements in it stay.
   * @example status.update({ label: "Done", state: "complete", expanded: false })
   */
  update(changes: StatusOptions & { label?: string }): void;
}

/** `st.status`: a box that reports on a long task, with the whole element API. */
export const statusBlockMethods = {
  /**
   * A collapsible box with a spinner, a check or a cross, for the steps of a
   * long task. Draw the steps into it, then `update` it when the task ends.
   *
   * @example
   * const status = st.status("Downloading data…", { expanded: true });
   * status.write("Searching…"); await search();
   * status.update({ label: "Download complete", state: "complete", expanded: false });
   */
  status(this: Drawable, label: string, options: StatusOptions = {}): StatusContainer {
    const target = this[TARGET];
    let props: StatusProps = {
      label: String(label),
      state: options.state ?? "running",
      expanded: options.expanded ?? false,
    };
    const path = target.emit("status", props);
    return Object.assign(openContainer(target.block(path)), {
      update(changes: StatusOptions & { label?: string }): void {
        props = {
          label: changes.label === undefined ? props.label : String(changes.label),
          state: changes.state ?? props.state,
          expanded: changes.expanded ?? props.expanded,
        };
        target.run.update(path, "status", props);
      },
    });
  },
};
