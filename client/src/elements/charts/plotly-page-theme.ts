import { onCleanup } from "solid-js";

/**
 * The page's theme as chart libraries need it: resolved colours (the page
 * picks light or dark values with CSS light-dark(), which a canvas or a
 * library's options cannot read) and the font. Shared by Plotly, ECharts and
 * the map, which all draw with colours given in JavaScript.
 */
export interface PageTheme {
  dark: boolean;
  text: string;
  background: string;
  softBackground: string;
  primary: string;
  font: string;
  /** Grid and axis lines: the text colour, faint. */
  line: string;
}

/** The series colours charts start from: the theme's primary colour, then a palette that reads on light and dark. */
export function chartPalette(theme: PageTheme): string[] {
  return [
    theme.primary,
    "#83c9ff",
    "#0068c9",
    "#ffabab",
    "#29b09d",
    "#7defa1",
    "#ff8700",
    "#ffd16a",
    "#6d3fc0",
    "#d5dae5",
  ];
}

/** Reads the page's theme now, from the computed styles of `element`. */
export function readPageTheme(element: Element = document.body): PageTheme {
  const style = getComputedStyle(element);
  const root = getComputedStyle(document.documentElement);
  const background = getComputedStyle(document.body).backgroundColor;
  const text = style.color;
  return {
    dark: luminance(background) < 0.5,
    text,
    background,
    softBackground: resolveColor(root.getPropertyValue("--bg-soft").trim(), element) || background,
    primary: root.getPropertyValue("--primary").trim() || "#ff4b4b",
    font: style.fontFamily,
    line: resolveColor("color-mix(in srgb, currentColor 20%, transparent)", element) || text,
  };
}

/**
 * Calls `changed` whenever the page's theme may have changed (the reader's
 * choice in the menu, the system's scheme), until the calling component is removed.
 */
export function onPageThemeChange(changed: () => void): void {
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["data-theme", "style", "class"],
  });
  const scheme = matchMedia("(prefers-color-scheme: dark)");
  scheme.addEventListener("change", changed);
  onCleanup(() => {
    observer.disconnect();
    scheme.removeEventListener("change", changed);
  });
}

/** Calls `resized` when `element` changes width or height, until the calling component is removed. */
export function onResize(element: Element, resized: () => void): void {
  let last = "";
  const observer = new ResizeObserver(([entry]) => {
    const size = `${Math.round(entry?.contentRect.width ?? 0)}x${Math.round(entry?.contentRect.height ?? 0)}`;
    if (size !== last && last !== "") resized();
    last = size;
  });
  observer.observe(element);
  onCleanup(() => observer.disconnect());
}

// --- Internal helpers ---

/** A CSS colour (variables, light-dark(), color-mix()) as the rgb() the browser resolves it to. */
function resolveColor(color: string, within: Element): string {
  if (!color) return "";
  const probe = document.createElement("span");
  probe.style.color = color;
  probe.style.display = "none";
  within.append(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved;
}

function luminance(color: string): number {
  const [r = 255, g = 255, b = 255, alpha = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
  if (alpha === 0) return 1; // a transparent body shows the browser's white
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
