/**
 * The page's look as a Vega-Lite config: its text colour and font, a
 * transparent background, light or dark grid lines, and the primary colour
 * for a single series, as Streamlit's charts are themed.
 */

// Streamlit's categorical palettes, light and dark.
const LIGHT_CATEGORIES = [
  "#0068c9",
  "#83c9ff",
  "#ff2b2b",
  "#ffabab",
  "#29b09d",
  "#7defa1",
  "#ff8700",
  "#ffd16a",
  "#6d3fc0",
  "#d5dae5",
];
const DARK_CATEGORIES = [
  "#83c9ff",
  "#0068c9",
  "#ffabab",
  "#ff2b2b",
  "#7defa1",
  "#29b09d",
  "#ffd16a",
  "#ff8700",
  "#6d3fc0",
  "#d5dae5",
];

/**
 * True when the page is drawn dark (its background is dark, whatever chose it).
 * @example const palette = pageIsDark() ? DARK_CATEGORIES : LIGHT_CATEGORIES;
 */
export function pageIsDark(): boolean {
  const background = getComputedStyle(document.body).backgroundColor;
  const channels = background.match(/[\d.]+/g)?.map(Number) ?? [255, 255, 255];
  const [red = 255, green = 255, blue = 255, alpha = 1] = channels;
  if (alpha === 0) return matchMedia("(prefers-color-scheme: dark)").matches;
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 128;
}

/**
 * The Vega-Lite config of the page's theme, read from its computed styles
 * (so a custom primary colour or font follows).
 * @example embed(element, spec, { config: pageChartConfig(element) });
 */
export function pageChartConfig(element: HTMLElement): Record<string, unknown> {
  const style = getComputedStyle(element);
  const dark = pageIsDark();
  const text = style.color;
  const font = style.fontFamily;
  const primary = style.getPropertyValue("--primary").trim() || "#ff4b4b";
  const grid = dark ? "rgba(250, 250, 250, 0.12)" : "rgba(49, 51, 63, 0.12)";
  const categories = dark ? DARK_CATEGORIES : LIGHT_CATEGORIES;
  const muted = dark ? "rgba(250, 250, 250, 0.6)" : "rgba(49, 51, 63, 0.6)";
  const axis = {
    labelColor: text,
    titleColor: text,
    gridColor: grid,
    domainColor: grid,
    tickColor: grid,
    labelFont: font,
    titleFont: font,
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: "normal",
  };
  return {
    background: "transparent",
    font,
    padding: { top: 10, right: 0, bottom: 0, left: 0 },
    view: { stroke: null },
    axis,
    legend: {
      labelColor: text,
      titleColor: text,
      labelFont: font,
      titleFont: font,
      // A size legend's symbols take no colour from a scale: grey that reads on either background.
      symbolFillColor: muted,
      symbolBaseFillColor: muted,
      symbolBaseStrokeColor: muted,
    },
    title: { color: text, font, fontSize: 16, anchor: "start" },
    header: { labelColor: text, titleColor: text },
    mark: { color: primary },
    line: { color: primary, strokeWidth: 2 },
    area: { color: primary },
    bar: { color: primary },
    circle: { color: primary },
    point: { color: primary },
    range: { category: categories, ramp: [primary, categories[1]!] },
  };
}
