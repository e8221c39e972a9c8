import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, metricShows, type Browser } from "../helpers/browser.ts";
import { startNginx } from "../helpers/nginx.ts";
import { startEdgelit, startRedis } from "../helpers/processes.ts";

type Replica = Awaited<ReturnType<typeof startEdgelit>>;

let redis: Awaited<ReturnType<typeof startRedis>>;
let balancer: Awaited<ReturnType<typeof startNginx>>;
let replicas: Replica[] = [];
let browser: Browser;

const startReplica = (port?: number) => startEdgelit({ storage: redis.url, port });

beforeAll(async () => {
  redis = await startRedis();
  replicas = await Promise.all([startReplica(), startReplica(), startReplica()]);
  balancer = await startNginx(replicas.map((replica) => replica.port));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await balancer?.stop();
  await Promise.all(replicas.map((replica) => replica.stop()));
  await redis?.stop();
});

/** Which replica served each event, from the balancer's header. */
function recordUpstreams(page: Page): Set<string> {
  const upstreams = new Set<string>();
  page.on("response", (response) => {
    const upstream = response.headers()["x-edgelit-upstream"];
    // "a, b" when nginx moved on from a dead replica to the next.
    if (response.url().endsWith("/_edgelit/event") && upstream)
      upstream.split(", ").forEach((one) => upstreams.add(one));
  });
  return upstreams;
}

test("three replicas behind nginx round robin: 50 rapid clicks count 50, even with a replica killed midway; a full restart loses nothing", async () => {
  const page = await browser.newPage();
  const upstreams = recordUpstreams(page);
  await page.goto(balancer.url);
  await metricShows(page, 0);
  const addOne = page.getByRole("button", { name: "Add one" });

  for (let click = 1; click <= 50; click++) {
    await addOne.click();
    // Mid-burst, one replica dies without a chance to clean up.
    if (click === 25) await replicas[1]!.stop("SIGKILL");
  }
  await metricShows(page, 50);
  expect(upstreams.size).toBe(3);

  // What the store holds, seen fresh: a reload shows the same 50.
  await page.reload();
  await metricShows(page, 50);

  // Every replica restarts (a deploy); the tab carries on where it was.
  await Promise.all(replicas.map((replica) => replica.stop()));
  replicas = await Promise.all(replicas.map((replica) => startReplica(replica.port)));
  await addOne.click();
  await metricShows(page, 51);
  expect(page.errors).toEqual([]);
});
