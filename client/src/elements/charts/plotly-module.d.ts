// plotly.js-strict-dist-min (the build made for a policy without unsafe-eval) ships no types; what the Plotly chart uses of it.
declare module "plotly.js-strict-dist-min" {
  /** A figure's parts, as plotly.js takes them. */
  type PlotlyObject = Record<string, unknown>;
  interface PlotlyElement extends HTMLElement {
    on(event: string, handler: (event?: unknown) => void): void;
    removeAllListeners?(event: string): void;
  }
  const Plotly: {
    react(
      element: HTMLElement,
      data: unknown[],
      layout: PlotlyObject,
      config: PlotlyObject,
    ): Promise<PlotlyElement>;
    purge(element: HTMLElement): void;
    Plots: { resize(element: HTMLElement): void };
  };
  export default Plotly;
}
