import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startEdgelit, startRedis, tempDir } from "../helpers/processes.ts";
import { click, countShown, elementMessages, messagesOf, openCounter } from "./counter-tab.ts";

/**
 * The server keeps nothing between events, so a tab carries on across a
 * restart of the process as long as the store survives it.
 */

type RedisServer = Awaited<ReturnType<typeof startRedis>>;

async function expectCountSurvivesRestart(
  storage: string,
  signal: NodeJS.Signals,
  samePort: boolean,
): Promise<void> {
  const before = await startEdgelit({ storage });
  let after: Awaited<ReturnType<typeof startEdgelit>> | undefined;
  try {
    const tab = await openCounter(before.url);
    await click(tab, "Add one", 2);
    expect(countShown(tab)).toBe("2");
    await before.stop(signal);

    after = await startEdgelit({ storage, port: samePort ? before.port : undefined });
    tab.baseUrl = after.url;
    const answer = await click(tab, "Add one");
    expect(answer.status).toBe(200);
    expect(countShown(tab)).toBe("3");
    // The new process knows what the tab holds: it sends only the changed count.
    expect(messagesOf(answer, "start")).toMatchObject([{ sessionId: tab.sessionId, reset: false }]);
    expect(elementMessages(answer).map((message) => message.kind)).toEqual(["metric"]);
  } finally {
    await before.stop("SIGKILL");
    await after?.stop();
  }
}

describe("a restart keeps sessions in an fs store", () => {
  const store = tempDir("edgelit-restart-fs-");
  afterAll(() => store.remove());

  test("after SIGTERM, on the same port", async () => {
    await expectCountSurvivesRestart(`fs:${store.path}`, "SIGTERM", true);
  });
});

describe("a restart keeps sessions in Redis", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  test("after SIGTERM, on another port", async () => {
    await expectCountSurvivesRestart(redis.url, "SIGTERM", false);
  });

  test("after SIGKILL", async () => {
    await expectCountSurvivesRestart(redis.url, "SIGKILL", false);
  });
});
