import type { Container } from "../../app/container.ts";
import { TARGET, type Drawable } from "../../app/target.ts";
import { EdgelitApiError } from "../../runner/signals.ts";

/** Options of `columns`. */
export interface ColumnsOptions {
  gap?: "small" | "medium" | "large";
}

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
   * Side-by-side columns: a count of equal columns, or relative widths.
   * @example
   * const [left, right] = st.columns([2, 1]);
   * left.write("wide"); right.write("narrow");
   */
  columns<const Spec extends number | readonly number[]>(this: Drawable, spec: Spec, options?: ColumnsOptions): Columns<Spec>;
  /** A group of elements drawn where it is created, optionally bordered. @example st.container({ border: true }).write("inside") */
  container(this: Drawable, options?: { border?: boolean }): Container;
  /** A collapsible section, collapsed unless `expanded`. @example st.expander("Details").write("hidden until opened") */
  expander(this: Drawable, label: string, options?: { expanded?: boolean }): Container;
  /**
   * Tabs, one container per label. Every tab's content is drawn on each run;
   * the user switches between them in the page, without a rerun (as in Streamlit).
   * @example
   * const [chart, data] = st.tabs(["Chart", "Data"]);
   * chart.image(png); data.json(rows);
   */
  tabs<const Labels extends readonly string[]>(this: Drawable, labels: Labels): { -readonly [Index in keyof Labels]: Container };
}

/** The layout methods of a block. */
export const layoutMethods: LayoutMethods = {
  columns(spec, options = {}) {
    const target = this[TARGET];
    const widths = typeof spec === "number" ? Array.from({ length: spec }, () => 1) : [...(spec as readonly number[])];
    if (widths.length === 0 || widths.length > 24 || widths.some((width) => !(width > 0) || !Number.isFinite(width))) {
      throw new EdgelitApiError(`st.columns needs 1 to 24 columns of positive width; got ${JSON.stringify(spec)}.`);
    }
    const columnsPath = target.emit("columns", { widths, gap: options.gap ?? "small" });
    return widths.map(() => target.open(target.run.emit(columnsPath, "column", {}))) as never;
  },
  container(options = {}) {
    const target = this[TARGET];
    return target.open(target.emit("container", options.border ? { border: true } : {}));
  },
  tabs(labels) {
    const target = this[TARGET];
    if (labels.length === 0 || labels.some((label) => typeof label !== "string" || label.length === 0)) {
      throw new EdgelitApiError(`st.tabs needs at least one non-empty label; got ${JSON.stringify(labels)}.`);
    }
    const tabsPath = target.emit("tabs", { labels: [...labels] });
    return labels.map(() => target.open(target.run.emit(tabsPath, "tab", {}))) as never;
  },
  expander(label, options = {}) {
    const target = this[TARGET];
    return target.open(target.emit("expander", { label: String(label), expanded: options.expanded ?? false }));
  },
};
