/** The tour's logo, made in code: no files, no network. */

/** The tour's logo: a rounded square and the name, as SVG (small enough to travel inside the page). */
export function tourLogoSvg(): Uint8Array {
  return new TextEncoder().encode(
    `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32" viewBox="0 0 120 32"><rect width="32" height="32" rx="8" fill="#ff4b4b"/><path d="M9 22 16 9l7 13z" fill="#fff"/><text x="40" y="23" font-family="sans-serif" font-size="18" font-weight="700" fill="#808495">edgelit</text></svg>`,
  );
}
