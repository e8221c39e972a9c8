import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "../test/helpers/browser.ts";
import { startEdgelit } from "../test/helpers/processes.ts";

/** Sizes of the client's files as served, raw and gzip. */
export interface ClientSizes {
  /** What index.html loads up front: its module script, the chunks it preloads, its stylesheet. */
  jsBytes: number;
  jsGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
  /** Loaded only when a page shows what needs them: element chunks, KaTeX, the highlighter, the sanitizer, their CSS. */
  onDemandJsGzipBytes: number;
  onDemandCssGzipBytes: number;
  /** Font files (KaTeX, Material Symbols), fetched by the browser only when text uses them. */
  fontBytes: number;
}

/** The client's files: what the page loads up front, and what it loads on demand. */
export function measureClientSizes(): ClientSizes {
  const root = resolve(import.meta.dirname, "../dist-client");
  const html = readFileSync(join(root, "index.html"), "utf8");
  const upFront = new Set(
    [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((match) => match[1]!),
  );
  const sizes: ClientSizes = {
    jsBytes: 0,
    jsGzipBytes: 0,
    cssBytes: 0,
    cssGzipBytes: 0,
    onDemandJsGzipBytes: 0,
    onDemandCssGzipBytes: 0,
    fontBytes: 0,
  };
  for (const file of readdirSync(join(root, "assets"))) {
    const bytes = readFileSync(join(root, "assets", file));
    const gzip = gzipSync(bytes, { level: 9 }).byteLength;
    const initial = upFront.has(file);
    if (file.endsWith(".js")) {
      if (initial) {
        sizes.jsBytes += bytes.byteLength;
        sizes.jsGzipBytes += gzip;
      } else sizes.onDemandJsGzipBytes += gzip;
    } else if (file.endsWith(".css")) {
      if (initial) {
        sizes.cssBytes += bytes.byteLength;
        sizes.cssGzipBytes += gzip;
      } else sizes.onDemandCssGzipBytes += gzip;
    } else if (/\.(woff2?|ttf)$/.test(file)) {
      sizes.fontBytes += bytes.byteLength;
    }
  }
  return sizes;
}

/** Median milliseconds from navigation start to the hello app's title on screen, in Chromium. */
export async function measureFirstRender(runs = 5): Promise<number> {
  const server = await startEdgelit({ app: "examples/hello/app.ts", storage: "memory" });
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.addInitScript(() => {
        new MutationObserver((_changes, observer) => {
          if (document.querySelector("h1")) {
            (window as unknown as { firstRender: number }).firstRender = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(server.url);
      await page.locator("h1").waitFor();
      times.push(
        await page.evaluate(() => (window as unknown as { firstRender: number }).firstRender),
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}
