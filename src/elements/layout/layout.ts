import type { Container } from "../core/handle.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { openContainer } from "../core/handle.ts";
import {
  columnsProps,
  containerProps,
  expanderProps,
  popoverProps,
  type ColumnsOptions,
  type ContainerOptions,
  type ExpanderOptions,
  type PopoverOptions,
} from "./layout-options.ts";

export type { ColumnsOptions, ContainerOptions, ExpanderOptions, PopoverOptions };

/** One container per column: a tuple when the count or widths are known to the compiler. */
export type Columns<Spec extends number | readonly number[]> = Spec extends readonly number[]
  ? { -readonly [Index in keyof Spec]: Container }
  : Spec extends number
    ? TupleOf<Container, Spec>
    : Container[];

type TupleOf<Item, Length extends number, Built extends Item[] = []> = number extends Length
  ? Item[]
  : Built["length"] extends Length
    ? Built
    : Built["length"] extends 24
      ? Item[]
      : TupleOf<Item, Length, [...Built, Item]>;

/** Blocks that hold other elements; each returns a handle with the whole element API. */
export interface LayoutMethods {
  /**
   * Side-by-side columns: a count of equal columns, or relative widths; with a
   * `gap` ("small", "medium", "large" or null), a `verticalAlignment` of their
   * content, and an optional `border` around each.
   * @example
   * const [left, right] = st.columns([2, 1], { verticalAlignment: "center" });
   * left.write("wide"); right.write("narrow");
   */
  columns<const Spec extends number | readonly number[]>(
    this: Drawable,
    spec: Spec,
    options?: ColumnsOptions,
  ): Columns<Spec>;
  /**
   * A group of elements drawn where it is created, optionally bordered. With a
   * `height` in pixels its content scrolls inside it (bordered unless `border: false`).
   * @example
   * const log = st.container({ height: 300 });
   * for (const line of lines) log.text(line);
   */
  container(this: Drawable, options?: ContainerOptions): Container;
  /**
   * A collapsible section, collapsed unless `expanded`, with an optional icon
   * (one emoji or ":material/icon_name:") before its label.
   * @example st.expander("Details", { icon: "🔍" }).write("hidden until opened")
   */
  expander(this: Drawable, label: string, options?: ExpanderOptions): Container;
  /**
   * A button that opens a floating panel holding the container's elements.
   * Opening and closing happen in the page, without a rerun; a click outside
   * or Escape closes it. Widgets inside work as anywhere else.
   * @example
   * const settings = st.popover("Settings", { icon: "⚙️" });
   * const dark = settings.toggle("Dark mode");
   */
  popover(this: Drawable, label: string, options?: PopoverOptions): Container;
  /**
   * Tabs, one container per label. Every tab's content is drawn on each run;
   * the user switches between them in the page, without a rerun (as in Streamlit).
   * @example
   * const [chart, data] = st.tabs(["Chart", "Data"]);
   * chart.image(png); data.json(rows);
   */
  tabs<const Labels extends readonly string[]>(
    this: Drawable,
    labels: Labels,
  ): { -readonly [Index in keyof Labels]: Container };
}

/** The layout methods of a block. */
export const layoutMethods: LayoutMethods = {
  columns(spec, options = {}) {
    const target = this[TARGET];
    const props = columnsProps(spec, options);
    const columnsPath = target.emit("columns", props);
    return props.widths.map(() =>
      openContainer(target.block(target.run.emit(columnsPath, "column", {}))),
    ) as never;
  },
  container(options = {}) {
    const target = this[TARGET];
    return openContainer(target.block(target.emit("container", containerProps(options))));
  },
  tabs(labels) {
    const target = this[TARGET];
    if (
      labels.length === 0 ||
      labels.some((label) => typeof label !== "string" || label.length === 0)
    ) {
      throw new EdgelitApiError(
        `st.tabs needs at least one non-empty label; got ${JSON.stringify(labels)}.`,
      );
    }
    const tabsPath = target.emit("tabs", { labels: [...labels] });
    return labels.map(() =>
      openContainer(target.block(target.run.emit(tabsPath, "tab", {}))),
    ) as never;
  },
  expander(label, options = {}) {
    const target = this[TARGET];
    return openContainer(target.block(target.emit("expander", expanderProps(label, options))));
  },
  popover(label, options = {}) {
    const target = this[TARGET];
    return openContainer(target.block(target.emit("popover", popoverProps(label, options))));
  },
};
