import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, test } from "vitest";
import { EventClient } from "../helpers/events.ts";
import { startEdgelit, startRedis } from "../helpers/processes.ts";

/**
 * A large st.session value is kept apart from the record and each process
 * keeps its text in memory: a change made in place must still reach the
 * store, and another replica or a restarted process must read it back.
 */

let redis: Awaited<ReturnType<typeof startRedis>>;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const APP = "test/integration/fixtures/large-session-app.ts";

const metric = (tab: EventClient, label: string) =>
  tab.elements("metric").find((props) => props.label === label)?.value;
const press = (tab: EventClient, label: string) =>
  tab.send([{ id: tab.widgetId("button", label), value: true }]);

test("rows pushed in place survive a switch of replica and a restart", async () => {
  const replicas = [
    await startEdgelit({ app: APP, storage: redis.url }),
    await startEdgelit({ app: APP, storage: redis.url }),
  ];
  let restarted: Awaited<ReturnType<typeof startEdgelit>> | undefined;
  try {
    const tab = new EventClient(replicas[0]!.url);
    await tab.send();
    await press(tab, "Add row");
    // The other replica never saw this session: it reads the rows from Redis.
    tab.baseUrl = replicas[1]!.url;
    await tab.send([{ id: tab.widgetId("checkbox", "Show rows"), value: true }]);
    expect(metric(tab, "Rows")).toBe("20001");
    await press(tab, "Add row");
    expect(metric(tab, "Rows")).toBe("20002");
    // Back on the first, which holds the older text: it must not use it.
    tab.baseUrl = replicas[0]!.url;
    await press(tab, "Add row");
    expect(metric(tab, "Rows")).toBe("20003");
    await press(tab, "Click");
    await replicas[0]!.stop("SIGKILL");
    await replicas[1]!.stop("SIGKILL");
    restarted = await startEdgelit({ app: APP, storage: redis.url });
    tab.baseUrl = restarted.url;
    const answer = await press(tab, "Click");
    expect(answer.status).toBe(200);
    expect(metric(tab, "Clicks")).toBe("2");
    expect(metric(tab, "Rows")).toBe("20003");
    expect(metric(tab, "Last row")).toBe("added");
    // One value key left: each save that replaced the rows removed the one before.
    const raw = new Redis(redis.url);
    try {
      expect(await raw.keys(`edgelit:value:${tab.sessionId}:*`)).toHaveLength(1);
    } finally {
      raw.disconnect();
    }
  } finally {
    for (const replica of replicas) await replica.stop("SIGKILL");
    await restarted?.stop();
  }
});

test("on script threads over the memory store, rows pushed in one thread are read in the other", async () => {
  const server = await startEdgelit({ app: APP, extraArgs: ["--threads", "2"] });
  try {
    for (let tries = 0; tries < 1200; tries++) {
      if (server.output().includes("script threads have loaded the app")) break;
      await new Promise((done) => setTimeout(done, 50));
    }
    const tab = new EventClient(server.url);
    await tab.send();
    await tab.send([{ id: tab.widgetId("checkbox", "Show rows"), value: true }]);
    // Events go to either thread; each holds its own texts and reads the others' from the store.
    for (let i = 1; i <= 6; i++) {
      await press(tab, i % 2 ? "Add row" : "Click");
      expect(metric(tab, "Rows")).toBe(String(20_000 + Math.ceil(i / 2)));
    }
    expect(metric(tab, "Clicks")).toBe("3");
  } finally {
    await server.stop();
  }
});
