import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import WebSocket from "ws";
import { PROTOCOL_VERSION } from "../../src/protocol/index.ts";
import { afterAll, beforeAll, expect, test } from "vitest";
import { bannersSeen, watchBanners } from "../helpers/banner-watch.ts";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startNginx } from "../helpers/nginx.ts";
import { startEdgelit, startRedis, tempDir } from "../helpers/processes.ts";

type Replica = Awaited<ReturnType<typeof startEdgelit>>;

const APP = "test/integration/fixtures/drain-app.ts";
const files = tempDir("edgelit-drain-");
const gate = join(files.path, "gate");
const jobLog = join(files.path, "jobs.log");
let redis: Awaited<ReturnType<typeof startRedis>>;
let replicas: Replica[] = [];
let balancer: Awaited<ReturnType<typeof startNginx>>;
let browser: Browser;

beforeAll(async () => {
  writeFileSync(jobLog, "");
  redis = await startRedis();
  replicas = await Promise.all(
    [0, 1].map(() =>
      startEdgelit({
        app: APP,
        storage: redis.url,
        extraArgs: ["--drain-seconds", "60"],
        env: { EDGELIT_TEST_GATE: gate, EDGELIT_TEST_LOG: jobLog },
      }),
    ),
  );
  balancer = await startNginx(replicas.map((replica) => replica.port));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  writeFileSync(gate, "");
  await browser?.close();
  await balancer?.stop();
  await Promise.all(replicas.map((replica) => replica.stop("SIGKILL")));
  await redis?.stop();
  files.remove();
});

const jobsStarted = () => readFileSync(jobLog, "utf8").split("\n").filter(Boolean);
const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Sends one event on a new WebSocket to `baseUrl`: the first answer's error code, and the close code. */
function socketEventOn(baseUrl: string): Promise<{ code: string; closeCode: number }> {
  const origin = baseUrl;
  const socket = new WebSocket(`${baseUrl.replace("http", "ws")}/_edgelit/ws`, {
    headers: { origin },
  });
  return new Promise((resolve, reject) => {
    let code = "";
    socket.on("open", () =>
      socket.send(
        JSON.stringify({
          type: "event",
          request: {
            protocol: PROTOCOL_VERSION,
            sessionId: null,
            lastRunId: null,
            eventId: "e",
            changes: [],
          },
        }),
      ),
    );
    socket.on("message", (data) => {
      const [first] = JSON.parse(String(data)) as { type: string; code?: string }[];
      code ||= first?.code ?? first?.type ?? "";
    });
    socket.on("close", (closeCode) => resolve({ code, closeCode }));
    socket.on("error", reject);
  });
}

/** Waits until the page shows these counts (clicks, then jobs done). */
const showsCounts = (page: Page, count: number, jobs: number) =>
  expect
    .poll(() => page.locator(".metric-value").allTextContents(), { timeout: 30_000 })
    .toEqual([String(count), String(jobs)]);

/** Counts the events a page sent that a server refused as draining. */
function countDrainingAnswers(page: Page): { refused: number } {
  const seen = { refused: 0 };
  page.on("response", (response) => {
    if (response.url().endsWith("/_edgelit/event") && response.status() === 503) seen.refused++;
  });
  return seen;
}

test("SIGTERM during a streaming run: the run finishes and saves on its replica, once, while other events go elsewhere, with no banner", async () => {
  const page = await browser.newPage();
  await watchBanners(page);
  await page.goto(balancer.url);
  await showsCounts(page, 0, 0);

  await page.getByRole("button", { name: "Long job" }).click();
  await page.getByText("job under way").waitFor();
  const [runningOn] = jobsStarted();
  const draining = replicas.find((replica) => String(replica.pid) === runningOn)!;
  process.kill(draining.pid, "SIGTERM");

  // Draining: the health check says so, and a new event is refused with a retry-after.
  await expect
    .poll(() => fetch(`${draining.url}/_edgelit/health`).then((r) => r.status), {
      timeout: 20_000,
    })
    .toBe(503);
  expect(await (await fetch(`${draining.url}/_edgelit/health`)).json()).toMatchObject({
    draining: true,
  });
  const refused = await fetch(`${draining.url}/_edgelit/event`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-edgelit": "1" },
    body: "{}",
  });
  expect(refused.status).toBe(503);
  expect(refused.headers.get("retry-after")).toBe("1");
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("draining");
  // On a WebSocket: refused, and the socket closed as a restart, so the page reconnects elsewhere.
  expect(await socketEventOn(draining.url)).toEqual({ code: "draining", closeCode: 1012 });

  // Another tab goes on clicking meanwhile; round robin sends some of its events to the draining replica.
  const other = await browser.newPage();
  await watchBanners(other);
  const answers = countDrainingAnswers(other);
  await other.goto(balancer.url);
  await showsCounts(other, 0, 0);
  for (let click = 1; click <= 8 && answers.refused === 0; click++) {
    await other.getByRole("button", { name: "Add one" }).click();
    await showsCounts(other, click, 0);
  }
  expect(answers.refused).toBeGreaterThan(0);
  expect(isRunning(draining.pid)).toBe(true);

  // The long run was never cut: it finishes where it started, and is saved.
  writeFileSync(gate, "");
  await page.getByText(`job done by ${draining.pid}`).waitFor();
  await showsCounts(page, 0, 1);
  await expect.poll(() => isRunning(draining.pid), { timeout: 20_000 }).toBe(false);
  expect(jobsStarted()).toEqual([runningOn]);

  // Gone: the next events go to the other replica, and the saved job is there.
  await page.getByRole("button", { name: "Add one" }).click();
  await showsCounts(page, 1, 1);
  await page.reload();
  await page.getByText(`job done by ${draining.pid}`).waitFor();
  await showsCounts(page, 1, 1);
  expect(jobsStarted()).toEqual([runningOn]);
  expect(await bannersSeen(page)).toEqual([]);
  expect(await bannersSeen(other)).toEqual([]);
  expect([...page.errors, ...other.errors]).toEqual([]);
}, 120_000);
