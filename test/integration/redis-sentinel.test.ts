import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, metricShows, type Browser } from "../helpers/browser.ts";
import { startEdgelit } from "../helpers/processes.ts";
import { startSentinelGroup, untilTrue, type SentinelGroup } from "../helpers/redis-topology.ts";

/**
 * `--storage redis+sentinel://…` with `--storage-replicas 1`: a planned
 * failover (`SENTINEL FAILOVER`) and a crash of the primary (SIGKILL) while a
 * user clicks. Every click the page showed as counted stays counted once; the
 * page waits out each failover by itself.
 */

let group: SentinelGroup;
let server: Awaited<ReturnType<typeof startEdgelit>>;
let browser: Browser;

beforeAll(async () => {
  group = await startSentinelGroup({ replicaCount: 1 });
  server = await startEdgelit({ storage: group.url, extraArgs: ["--storage-replicas", "1"] });
  browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await group?.stop();
});

/** The data node the sentinels name as primary now. */
async function currentPrimary() {
  const port = await group.currentPrimaryPort();
  return [group.primary, ...group.replicas].find((node) => node.port === port)!;
}

/** Asks a sentinel for a failover and waits until the sentinels name another primary. */
async function failOverFrom(port: number, start?: () => Promise<void>): Promise<void> {
  await start?.();
  await untilTrue("the sentinels to name a new primary", async () => {
    return (await group.currentPrimaryPort()) !== port;
  });
}

test("a planned failover and a crashed primary during clicks: each shown click counts once, and the page recovers by itself", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  const addOne = page.getByRole("button", { name: "Add one" });
  let clicks = 0;
  const clickAndSeeCounted = async () => {
    await addOne.click();
    clicks++;
    // The page shows the count only once the save is confirmed; a count one too high fails here.
    await metricShows(page, clicks, 60_000);
  };
  for (let i = 0; i < 4; i++) await clickAndSeeCounted();

  // A planned failover, with a click sent while it runs.
  const planned = await currentPrimary();
  const sentinel = new Redis({ host: "127.0.0.1", port: group.sentinels[0]!.port });
  await sentinel.call("SENTINEL", "FAILOVER", group.masterName);
  sentinel.disconnect();
  await clickAndSeeCounted();
  await failOverFrom(planned.port);
  for (let i = 0; i < 4; i++) await clickAndSeeCounted();

  // A crash: SIGKILL the primary between clicks, click while nobody has taken over, then bring
  // the dead node back (as an operator would) so the new primary has a replica to confirm saves.
  const crashed = await currentPrimary();
  await crashed.stop("SIGKILL");
  const pending = addOne.click();
  await failOverFrom(crashed.port);
  await crashed.start();
  await pending;
  clicks++;
  await metricShows(page, clicks, 60_000);
  for (let i = 0; i < 4; i++) await clickAndSeeCounted();

  // What the page showed was saved: a reload (a new run from the store) shows the same count.
  await page.reload();
  await metricShows(page, clicks, 30_000);
  await page.getByText(/retrying/).waitFor({ state: "hidden", timeout: 10_000 });
  expect(page.errors).toEqual([]);
  expect(server.output()).toMatch(/store error .*\[(read-only|unconfirmed|unreachable|timeout)\]/);
}, 240_000);
