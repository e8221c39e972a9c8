import type { GraphvizChartProps } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import { drawElement, type ElementHandle } from "../core/handle.ts";
import { chartSize, type ChartSizeOptions } from "./plotly-json.ts";

/** Options of `graphvizChart`. */
export interface GraphvizChartOptions extends ChartSizeOptions {
  /** The Graphviz layout engine (default "dot"). */
  engine?: GraphvizEngine;
}

/** Graphviz's layout engines. */
export type GraphvizEngine =
  | "dot"
  | "neato"
  | "circo"
  | "fdp"
  | "sfdp"
  | "twopi"
  | "osage"
  | "patchwork";

const ENGINES: readonly string[] = [
  "dot",
  "neato",
  "circo",
  "fdp",
  "sfdp",
  "twopi",
  "osage",
  "patchwork",
];
const METHOD = "st.graphvizChart";

/** Graphs in the DOT language, laid out by Graphviz in the page (loaded the first time one shows). */
export const graphvizMethods = {
  /**
   * A graph written in DOT. It is laid out in the page; a graph Graphviz
   * cannot read shows Graphviz's error in its place, and the app runs on.
   * @example st.graphvizChart("digraph { run -> rerun -> run }");
   */
  graphvizChart(this: Drawable, dot: string, options: GraphvizChartOptions = {}): ElementHandle {
    if (typeof dot !== "string" || dot.trim() === "")
      throw new EdgelitApiError(
        `${METHOD}: give the graph as a DOT string, e.g. "digraph { a -> b }".`,
      );
    const engine = options.engine ?? "dot";
    if (!ENGINES.includes(engine))
      throw new EdgelitApiError(
        `${METHOD}: engine must be one of ${ENGINES.join(", ")}; got ${String(engine)}.`,
      );
    const props: GraphvizChartProps = { dot, engine, ...chartSize(options, METHOD) };
    return drawElement(this[TARGET], "graphvizChart", props);
  },
};
