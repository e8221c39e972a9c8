import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "../test/helpers/browser.ts";
import { startEdgelit } from "../test/helpers/processes.ts";

/** Sizes of the client's files as served, raw and gzip. */
export interface ClientSizes {
  jsBytes: number;
  jsGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
}

/** What the page loads up front (every file of the build, as nothing loads on demand yet). */
export function measureClientSizes(): ClientSizes {
  const assets = resolve(import.meta.dirname, "../dist-client/assets");
  const sizes: ClientSizes = { jsBytes: 0, jsGzipBytes: 0, cssBytes: 0, cssGzipBytes: 0 };
  for (const file of readdirSync(assets)) {
    const bytes = readFileSync(join(assets, file));
    const gzip = gzipSync(bytes, { level: 9 }).byteLength;
    if (file.endsWith(".js")) (sizes.jsBytes += bytes.byteLength), (sizes.jsGzipBytes += gzip);
    if (file.endsWith(".css")) (sizes.cssBytes += bytes.byteLength), (sizes.cssGzipBytes += gzip);
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
      times.push(await page.evaluate(() => (window as unknown as { firstRender: number }).firstRender));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}
