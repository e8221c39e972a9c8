import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, metricShows, type Browser } from "../helpers/browser.ts";
import { startEdgelit } from "../helpers/processes.ts";

// A server whose transports leave the WebSocket out: the page never opens one, even when asked.
let server: Awaited<ReturnType<typeof startEdgelit>>;
let browser: Browser;

beforeAll(async () => {
  server = await startEdgelit({ extraArgs: ["--transports", "sse,json"] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test("with ?transport=websocket on a server that does not offer it, the page stays on HTTP and clicks count", async () => {
  const page = await browser.newPage();
  const sockets: string[] = [];
  page.on("websocket", (socket) => sockets.push(socket.url()));
  await page.goto(`${server.url}/?transport=websocket`);
  await metricShows(page, 0);
  const addOne = page.getByRole("button", { name: "Add one" });
  for (let i = 0; i < 3; i++) await addOne.click();
  await metricShows(page, 3);
  expect(await page.evaluate(() => document.documentElement.dataset.edgelitTransport)).toBe("sse");
  expect(sockets).toEqual([]);
  expect(page.errors).toEqual([]);
  await page.close();
});
