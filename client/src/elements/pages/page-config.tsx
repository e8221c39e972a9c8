import { onCleanup } from "solid-js";
import { showLayer } from "../../page-config/page-config.ts";
import type { ElementProps } from "../element-props.ts";

/**
 * `st.setPageConfig`: draws nothing; while the run's call is on the page, its
 * title, icon, layout and sidebar state win over the app's and the page's.
 */
export function PageConfig(props: ElementProps<"pageConfig">) {
  // Read through props.el, so a redraw with new values applies.
  onCleanup(showLayer("script", () => props.el));
  return null;
}
