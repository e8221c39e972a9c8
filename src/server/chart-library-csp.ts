import type { CspSources } from "./page-csp.ts";

/**
 * What the chart libraries that load on demand need of the page's policies,
 * and no more: the map's style host in `connect-src`, and WebAssembly for the
 * Graphviz worker alone (the page itself still may not compile it).
 */

/** The hosts of Carto's base maps, `st.map`'s default (the style, then its tiles, sprites and fonts). */
export const DEFAULT_MAP_STYLE_ORIGINS = [
  "https://basemaps.cartocdn.com",
  "https://tiles.basemaps.cartocdn.com",
];

/**
 * The page's extra sources with the origin of the map's style added to
 * `connect-src` (MapLibre fetches the style, sprites and fonts from the page).
 * @example mapStyleSources("https://tiles.example.com/style.json", {}) // { "connect-src": ["https://tiles.example.com"] }
 */
export function mapStyleSources(mapStyle: string | undefined, extra: CspSources = {}): CspSources {
  const origins = mapStyleOrigins(mapStyle);
  if (origins.length === 0) return extra;
  return { ...extra, "connect-src": [...(extra["connect-src"] ?? []), ...origins] };
}

/** The policy the Graphviz worker is served with: its own scripts and WebAssembly, nothing else. */
export const GRAPHVIZ_WORKER_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'";

/**
 * An asset as served: the Graphviz worker's script gets its own policy (a
 * worker fetched from this origin runs under the policy of its response,
 * not the page's), every other asset is unchanged.
 */
export function workerCspFor(pathname: string, asset: Response): Response {
  if (!/\/graphviz-worker-[\w-]+\.js$/.test(pathname)) return asset;
  const served = new Response(asset.body, asset);
  served.headers.set("content-security-policy", GRAPHVIZ_WORKER_CSP);
  return served;
}

// --- Internal helpers ---

function mapStyleOrigins(mapStyle: string | undefined): string[] {
  if (mapStyle === undefined) return DEFAULT_MAP_STYLE_ORIGINS;
  if (mapStyle === "none" || mapStyle.startsWith("/")) return [];
  let url: URL;
  try {
    url = new URL(mapStyle);
  } catch {
    throw new TypeError(
      `mapStyle must be a style URL, a path on this server or "none"; got "${mapStyle}".`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new TypeError(`mapStyle must be an http(s) URL; got "${mapStyle}".`);
  return [url.origin];
}
