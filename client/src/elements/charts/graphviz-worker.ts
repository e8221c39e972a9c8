import { instance } from "@viz-js/viz";

/**
 * Lays out DOT with Graphviz (WebAssembly) off the page's thread. The page's
 * policy refuses to compile WebAssembly; this worker is a script of this
 * origin, served with a policy of its own that allows it and nothing else
 * (see workerCsp in src/server/page-csp.ts).
 */
export interface GraphvizRequest {
  id: number;
  dot: string;
  engine: string;
}

/** The SVG, or Graphviz's error for DOT it cannot read. */
export type GraphvizResponse = { id: number; svg: string } | { id: number; error: string };

const viz = instance();
// The worker's own scope (the client is type-checked with the page's types, not a worker's).
const scope = self as unknown as {
  onmessage: (message: MessageEvent<GraphvizRequest>) => void;
  postMessage(response: GraphvizResponse): void;
};

scope.onmessage = async (message) => {
  const { id, dot, engine } = message.data;
  let response: GraphvizResponse;
  try {
    const result = (await viz).render(dot, { format: "svg", engine });
    response =
      result.status === "success"
        ? { id, svg: result.output }
        : { id, error: result.errors.map((error) => error.message.trim()).join("\n") };
  } catch (error) {
    response = { id, error: String(error) };
  }
  scope.postMessage(response);
};
