import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bannersSeen, watchBanners } from "../helpers/banner-watch.ts";
import { launchBrowser, metricShows, type Browser } from "../helpers/browser.ts";
import { startNginxWith } from "../helpers/nginx.ts";
import { startEdgelit, startRedis } from "../helpers/processes.ts";

type Replica = Awaited<ReturnType<typeof startEdgelit>>;

/** Short on purpose: a stopped replica costs each event that reaches it this long. */
const TIMING = ["--heartbeat-seconds", "1", "--event-timeout-seconds", "3"];

/**
 * nginx round robin over the replicas, streams unbuffered. `retryOnTimeout`:
 * nginx gives up on a silent replica itself (after 2 s, before the page's 3 s)
 * and sends the POST to the next one, so two replicas see the same event.
 */
function balancerConfig(ports: number[], retryOnTimeout: boolean) {
  return (port: number) => `
  upstream edgelit {
${ports.map((p) => `    server 127.0.0.1:${p};`).join("\n")}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://edgelit;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_buffering off;
      ${retryOnTimeout ? "proxy_next_upstream error timeout non_idempotent; proxy_read_timeout 2s;" : ""}
      add_header x-edgelit-upstream $upstream_addr always;
    }
  }`;
}

/** Counts the event attempts the page gave up (no answer in time) and those nginx moved on from. */
function watchAttempts(page: Page) {
  const seen = { givenUp: 0, movedOn: 0 };
  page.on("requestfailed", (request) => {
    if (request.url().endsWith("/_edgelit/event")) seen.givenUp++;
  });
  page.on("response", (response) => {
    if (
      response.url().endsWith("/_edgelit/event") &&
      (response.headers()["x-edgelit-upstream"] ?? "").includes(",")
    )
      seen.movedOn++;
  });
  return seen;
}

describe.each([
  { retryOnTimeout: false, name: "nginx with its default retries" },
  { retryOnTimeout: true, name: "nginx retrying on timeout (non_idempotent)" },
])("a hung replica behind $name", ({ retryOnTimeout }) => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let replicas: Replica[] = [];
  let balancer: Awaited<ReturnType<typeof startNginxWith>>;
  let browser: Browser;

  beforeAll(async () => {
    redis = await startRedis();
    replicas = await Promise.all(
      [0, 1, 2].map(() => startEdgelit({ storage: redis.url, extraArgs: TIMING })),
    );
    balancer = await startNginxWith(
      balancerConfig(
        replicas.map((replica) => replica.port),
        retryOnTimeout,
      ),
    );
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    // A replica left stopped would never exit.
    for (const replica of replicas) process.kill(replica.pid, "SIGCONT");
    await browser?.close();
    await balancer?.stop();
    await Promise.all(replicas.map((replica) => replica.stop()));
    await redis?.stop();
  });

  test("clicks go on being counted while it is stopped, and each acknowledged click counts once after it wakes", async () => {
    const page = await browser.newPage();
    await watchBanners(page);
    const attempts = watchAttempts(page);
    await page.goto(balancer.url);
    await metricShows(page, 0);
    const addOne = page.getByRole("button", { name: "Add one" });
    let acknowledged = 0;
    const clickAndSeeItCounted = async () => {
      await addOne.click();
      await metricShows(page, ++acknowledged);
    };

    for (let click = 0; click < 3; click++) await clickAndSeeItCounted();
    process.kill(replicas[0]!.pid, "SIGSTOP");
    // Each of these is counted before the replica wakes: by order, not by a time limit.
    for (let click = 0; click < 6; click++) await clickAndSeeItCounted();
    // Some of them reached the stopped replica, and were sent on elsewhere.
    expect(attempts.givenUp + attempts.movedOn).toBeGreaterThan(0);

    process.kill(replicas[0]!.pid, "SIGCONT");
    // It wakes with the copies it held: they run now, after newer clicks were saved.
    await expect
      .poll(
        () =>
          fetch(`${replicas[0]!.url}/_edgelit/health`).then(
            (r) => r.ok,
            () => false,
          ),
        { timeout: 20_000 },
      )
      .toBe(true);
    for (let click = 0; click < 3; click++) await clickAndSeeItCounted();

    await page.reload();
    await metricShows(page, acknowledged);
    expect(acknowledged).toBe(12);
    expect(page.errors).toEqual([]);
    // Resent without telling the user: a hung replica costs seconds, with nothing to read.
    if (!retryOnTimeout) expect(attempts.givenUp).toBeGreaterThan(0);
    expect(await bannersSeen(page)).toEqual([]);
  }, 120_000);
});
