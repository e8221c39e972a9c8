/**
 * The page's Content-Security-Policy, built from what the client needs and
 * nothing more: its own scripts (and the one inline script of index.html, by
 * hash), no eval, no plugins, no framing by other sites. Later features add
 * sources to a directive through {@link ServerOptions.contentSecurityPolicy}
 * rather than loosen the policy.
 */

/** Extra sources per directive, added to edgelit's own: `{ "img-src": ["https://tiles.example"] }`. */
export type CspSources = Readonly<Record<string, readonly string[]>>;

/**
 * What the client needs. Styles are inline (element style attributes, the
 * app's theme, KaTeX), and apps show images, audio and video from any http(s)
 * URL they name, as `st.image(url)` does.
 */
const BASE: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:", "https:", "http:"],
  "media-src": ["'self'", "data:", "blob:", "https:", "http:"],
  "font-src": ["'self'", "data:"],
  // SSE, fetch and the WebSocket transport: all to this origin ('self' covers ws: and wss: to it).
  "connect-src": ["'self'"],
  // st.pdf shows a PDF in a frame: stored (this origin) or inline (data:, an opaque origin).
  "frame-src": ["'self'", "data:"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'self'"],
};

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;

/** The SHA-256 sources of the inline scripts of `html` that run (not JSON data blocks). */
export async function inlineScriptHashes(html: string): Promise<string[]> {
  const hashes: string[] = [];
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    const type = /\btype="([^"]*)"/.exec(attributes ?? "")?.[1];
    if (type !== undefined && type !== "module" && !/javascript/i.test(type)) continue;
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body));
    hashes.push(`'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
  }
  return hashes;
}

/** The policy for a page whose inline scripts hash to `scriptHashes`, with `extra` sources added. */
export function pageCsp(scriptHashes: readonly string[], extra: CspSources = {}): string {
  const directives: Record<string, string[]> = {};
  for (const [name, sources] of Object.entries(BASE)) directives[name] = [...sources];
  directives["script-src"]!.push(...scriptHashes);
  for (const [name, sources] of Object.entries(extra)) {
    if (!/^[a-z-]+$/.test(name)) throw new TypeError(`Not a CSP directive: "${name}".`);
    for (const source of sources)
      if (/[;,\s]/.test(source) || /'unsafe-eval'/.test(source))
        throw new TypeError(
          `Not an allowed CSP source for ${name}: "${source}" (one source per entry; 'unsafe-eval' is refused).`,
        );
    const merged = (directives[name] ??= [...(BASE["default-src"] ?? [])]);
    for (const source of sources) if (!merged.includes(source)) merged.push(source);
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}
