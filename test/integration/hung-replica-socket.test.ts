import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, metricShows, type Browser } from "../helpers/browser.ts";
import { startNginx } from "../helpers/nginx.ts";
import { startEdgelit, startRedis } from "../helpers/processes.ts";

/**
 * Issue 17 on the WebSocket transport: a replica that hangs while it holds a tab's socket costs
 * the tab seconds, not forever. The server sends a heartbeat on the socket while a run goes on;
 * the page gives up a socket silent past its event timeout and sends the same event on a new
 * socket, which the balancer gives to another replica. Every acknowledged click counts once.
 */
const TIMING = ["--heartbeat-seconds", "1", "--event-timeout-seconds", "3"];

let redis: Awaited<ReturnType<typeof startRedis>>;
let replicas: Awaited<ReturnType<typeof startEdgelit>>[] = [];
let balancer: Awaited<ReturnType<typeof startNginx>>;
let browser: Browser;

beforeAll(async () => {
  redis = await startRedis();
  replicas = await Promise.all(
    [0, 1].map(() => startEdgelit({ storage: redis.url, extraArgs: TIMING })),
  );
  balancer = await startNginx(
    replicas.map((replica) => replica.port),
    { websockets: true },
  );
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  for (const replica of replicas) process.kill(replica.pid, "SIGCONT");
  await browser?.close();
  await balancer?.stop();
  await Promise.all(replicas.map((replica) => replica.stop()));
  await redis?.stop();
});

test("a tab whose socket's replica hangs sends its click again on a new socket; every click counts once", async () => {
  const page = await browser.newPage();
  const sockets: string[] = [];
  page.on("websocket", (socket) => sockets.push(socket.url()));
  await page.goto(`${balancer.url}/?transport=websocket`);
  await metricShows(page, 0);
  const addOne = page.getByRole("button", { name: "Add one" });
  let acknowledged = 0;
  const clickAndSeeItCounted = async () => {
    await addOne.click();
    await metricShows(page, ++acknowledged, 60_000);
  };
  for (let click = 0; click < 2; click++) await clickAndSeeItCounted();
  const before = sockets.length;
  expect(before).toBeGreaterThan(0);

  // Stop each replica in turn while clicking: one of them holds the tab's socket.
  for (const replica of replicas) {
    process.kill(replica.pid, "SIGSTOP");
    for (let click = 0; click < 2; click++) await clickAndSeeItCounted();
    process.kill(replica.pid, "SIGCONT");
  }
  // The socket of a stopped replica was given up and another opened.
  expect(sockets.length).toBeGreaterThan(before);
  for (let click = 0; click < 2; click++) await clickAndSeeItCounted();

  await page.reload();
  await metricShows(page, acknowledged);
  expect(acknowledged).toBe(8);
  expect(page.errors).toEqual([]);
}, 180_000);
