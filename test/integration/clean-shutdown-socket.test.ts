import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { bannersSeen, watchBanners } from "../helpers/banner-watch.ts";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startNginxWith } from "../helpers/nginx.ts";
import { startEdgelit, startRedis, tempDir } from "../helpers/processes.ts";

type Replica = Awaited<ReturnType<typeof startEdgelit>>;

const APP = "test/integration/fixtures/drain-app.ts";
const files = tempDir("edgelit-drain-socket-");
const gate = join(files.path, "gate");
const jobLog = join(files.path, "jobs.log");
let redis: Awaited<ReturnType<typeof startRedis>>;
let replicas: Replica[] = [];
let balancer: Awaited<ReturnType<typeof startNginxWith>>;
let browser: Browser;

/** Round robin, with WebSockets balanced on their own: each new socket goes to the other replica. */
const balancerConfig = (ports: number[]) => (port: number) =>
  `
  upstream edgelit {
${ports.map((p) => `    server 127.0.0.1:${p};`).join("\n")}
  }
  upstream edgelit_sockets {
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
    }
    location = /_edgelit/ws {
      proxy_pass http://edgelit_sockets;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection "upgrade";
      proxy_set_header Host $http_host;
      proxy_read_timeout 1h;
    }
  }`;

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
  balancer = await startNginxWith(balancerConfig(replicas.map((replica) => replica.port)));
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

const showsCounts = (page: Page, count: number, jobs: number) =>
  expect
    .poll(() => page.locator(".metric-value").allTextContents(), { timeout: 30_000 })
    .toEqual([String(count), String(jobs)]);

/** Counts the `draining` refusals that reach the page over its WebSockets. */
function countDrainingFrames(page: Page): { refused: number } {
  const seen = { refused: 0 };
  page.on("websocket", (socket) =>
    socket.on("framereceived", (frame) => {
      if (String(frame.payload).includes('"code":"draining"')) seen.refused++;
    }),
  );
  return seen;
}

test("a tab on a WebSocket to a draining replica reconnects elsewhere at once: its click counts, with no banner", async () => {
  const page = await browser.newPage();
  await watchBanners(page);
  await page.goto(balancer.url);
  await showsCounts(page, 0, 0);
  await page.getByRole("button", { name: "Long job" }).click();
  await page.getByText("job under way").waitFor();
  const [runningOn] = jobsStarted();

  // Another tab, on a WebSocket to the replica the job runs on (new sockets alternate).
  const other = await browser.newPage();
  await watchBanners(other);
  const frames = countDrainingFrames(other);
  await other.goto(`${balancer.url}/?transport=websocket`);
  for (let load = 0; load < 6; load++) {
    await other.getByText(/^served by \d+$/).waitFor();
    if ((await other.getByText(/^served by \d+$/).textContent()) === `served by ${runningOn}`)
      break;
    await other.reload();
  }
  await other.getByText(`served by ${runningOn}`).waitFor();

  process.kill(Number(runningOn), "SIGTERM");
  const draining = replicas.find((replica) => String(replica.pid) === runningOn)!;
  await expect
    .poll(() => fetch(`${draining.url}/_edgelit/health`).then((r) => r.status), {
      timeout: 20_000,
    })
    .toBe(503);

  await other.getByRole("button", { name: "Add one" }).click();
  await showsCounts(other, 1, 0);
  expect(frames.refused).toBeGreaterThan(0);
  await other.getByText(/^served by \d+$/).waitFor();
  expect(await other.getByText(/^served by \d+$/).textContent()).not.toBe(`served by ${runningOn}`);

  writeFileSync(gate, "");
  await page.getByText(`job done by ${runningOn}`).waitFor();
  await showsCounts(page, 0, 1);
  expect(jobsStarted()).toEqual([runningOn]);
  expect(await bannersSeen(page)).toEqual([]);
  expect(await bannersSeen(other)).toEqual([]);
  expect([...page.errors, ...other.errors]).toEqual([]);
}, 120_000);

const jobsStarted = () => readFileSync(jobLog, "utf8").split("\n").filter(Boolean);
