import { createEffect, createSignal, onCleanup } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { sanitizeHtml } from "../../rich/sanitize.ts";
import type { GraphvizRequest, GraphvizResponse } from "./graphviz-worker.ts";
import "./graphviz-chart.css";

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, (response: GraphvizResponse) => void>();

/** Lays out a graph in the Graphviz worker (one for the page, started with the first graph). */
function layOut(dot: string, engine: string): Promise<GraphvizResponse> {
  if (!worker) {
    worker = new Worker(new URL("./graphviz-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (message: MessageEvent<GraphvizResponse>) => {
      waiting.get(message.data.id)?.(message.data);
      waiting.delete(message.data.id);
    };
  }
  const id = nextId++;
  const request: GraphvizRequest = { id, dot, engine };
  worker.postMessage(request);
  return new Promise((resolve) => waiting.set(id, resolve));
}

/**
 * A DOT graph laid out by Graphviz in a worker and shown as SVG (sanitized:
 * a graph's URLs and labels come from the app). Its lines and text take the
 * page's text colour, so it reads in light and dark themes; DOT it cannot
 * read shows Graphviz's error instead.
 */
export function GraphvizChart(props: ElementProps<"graphvizChart">) {
  const [result, setResult] = createSignal<GraphvizResponse>();
  let current = 0;
  createEffect(() => {
    const asked = ++current;
    void layOut(props.el.dot, props.el.engine).then((response) => {
      if (asked === current) setResult(response);
    });
  });
  onCleanup(() => (current = -1));
  return (
    <div
      class="graphviz-chart"
      style={{
        height: props.el.height === undefined ? undefined : `${props.el.height}px`,
        width: props.el.width === undefined ? undefined : `${props.el.width}px`,
      }}
    >
      {(() => {
        const shown = result();
        if (!shown) return null;
        if ("error" in shown)
          return (
            <div class="graphviz-error" role="alert">
              Graphviz could not read this graph: {shown.error || "unknown error"}
            </div>
          );
        return (
          <div
            class="graphviz-svg"
            innerHTML={sanitizeHtml(shown.svg.slice(Math.max(0, shown.svg.indexOf("<svg"))))}
          />
        );
      })()}
    </div>
  );
}
