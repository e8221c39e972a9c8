import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, metricShows, type Browser } from "../helpers/browser.ts";
import { startEdgelit } from "../helpers/processes.ts";
import { startRedisCluster, type RedisCluster, type RedisNode } from "../helpers/redis-topology.ts";

/**
 * `--storage redis+cluster://…` against three Cluster masters: sessions open
 * whatever slot their key falls in (no `MOVED` left to the page), and a
 * restart of the master holding a session during clicks loses and doubles
 * nothing; the page waits it out by itself. The app runs in a script thread,
 * which opens the store from the same `--storage` setting.
 */

let cluster: RedisCluster;
let server: Awaited<ReturnType<typeof startEdgelit>>;
let browser: Browser;

beforeAll(async () => {
  cluster = await startRedisCluster();
  // In a script thread, which opens its own Cluster client from the same setting.
  server = await startEdgelit({ storage: cluster.url, extraArgs: ["--threads", "1"] });
  browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await cluster?.stop();
});

test("five tabs open and count on a three-master Cluster, one session's master restarts during clicks, and each shown click counts once", async () => {
  // Five sessions spread over the slots: every tab opens and counts (one node alone would answer MOVED).
  const tabs = await Promise.all(Array.from({ length: 5 }, () => browser.newPage()));
  for (const tab of tabs) {
    await tab.goto(server.url);
    await tab.getByRole("button", { name: "Add one" }).click();
    await metricShows(tab, 1);
  }
  for (const tab of tabs.slice(1)) await tab.close();

  const page = tabs[0]!;
  const addOne = page.getByRole("button", { name: "Add one" });
  let clicks = 1;
  const clickAndSeeCounted = async () => {
    await addOne.click();
    clicks++;
    await metricShows(page, clicks, 60_000);
  };
  for (let i = 0; i < 3; i++) await clickAndSeeCounted();

  // Restart the master of this tab's session between two clicks, with a click sent while it is down.
  const sessionId = await page.evaluate(() => sessionStorage.getItem("edgelit:session"));
  const holder = await ownerOf(sessionId);
  await holder.stop();
  await addOne.click();
  // The page says the store is out of reach, and keeps retrying the click until it is back.
  await page
    .getByText("The server cannot reach its session store — retrying…")
    .waitFor({ timeout: 30_000 });
  await holder.start();
  clicks++;
  await metricShows(page, clicks, 60_000);
  await cluster.healthy();
  for (let i = 0; i < 3; i++) await clickAndSeeCounted();

  expect(server.output()).toMatch(/store error .*\[unreachable\]/);
  await page.reload();
  await metricShows(page, clicks, 30_000);
  await page.getByText(/retrying/).waitFor({ state: "hidden", timeout: 10_000 });
  expect(page.errors).toEqual([]);
}, 240_000);

/** The master holding `sessionId`'s record, found by asking each for its own keys. */
async function ownerOf(sessionId: string | null): Promise<RedisNode> {
  for (const node of cluster.masters) {
    const client = new Redis({ host: "127.0.0.1", port: node.port });
    try {
      if ((await client.keys(`edgelit:session:${sessionId}`)).length > 0) return node;
    } finally {
      client.disconnect();
    }
  }
  throw new Error(`no master holds the record of session ${sessionId}`);
}
