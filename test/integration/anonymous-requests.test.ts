import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startEdgelit, startRedis, tempDir } from "../helpers/processes.ts";
import { EventClient, postEvent } from "../helpers/events.ts";
import { MEDIA_APP, linesShown, upload, uploaderId } from "./media/media-tab.ts";
import { UPLOAD_URL_HEADER } from "../../src/protocol/index.ts";

const APP = "test/integration/fixtures/anonymous-app.ts";
const VISITS = 200;

/** `count` bare first visits, as a crawler or a flood sends them: no session id, no changes. */
async function bareVisits(url: string, count: number): Promise<void> {
  for (let batch = 0; batch < count; batch += 20) {
    const answers = await Promise.all(
      Array.from({ length: Math.min(20, count - batch) }, () =>
        postEvent(url, { sessionId: null, lastRunId: null }),
      ),
    );
    for (const answer of answers) expect(answer.status).toBe(200);
  }
}

describe("with a real Redis", () => {
  let redisServer: Awaited<ReturnType<typeof startRedis>>;
  let server: Awaited<ReturnType<typeof startEdgelit>>;
  let redis: Redis;
  beforeAll(async () => {
    redisServer = await startRedis();
    server = await startEdgelit({ app: APP, storage: redisServer.url });
    redis = new Redis(redisServer.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
    await redisServer?.stop();
  });

  test(`${VISITS} bare first visits store no session, and their media once`, async () => {
    await bareVisits(server.url, VISITS);
    const keys = await redis.keys("*");
    expect(keys.filter((key) => key.startsWith("edgelit:session:"))).toEqual([]);
    // The media key, and the one image every visit showed.
    expect(keys.filter((key) => key.startsWith("edgelit:media:"))).toHaveLength(1);
    expect(keys.length).toBeLessThanOrEqual(3);
  });

  test("a click on a session that was never saved counts, without a session-expired detour", async () => {
    const tab = new EventClient(server.url);
    await tab.send();
    const sessionId = tab.sessionId!;
    expect(await redis.exists(`edgelit:session:${sessionId}`)).toBe(0);

    const click = await tab.send([{ id: tab.widgetId("button", "Add one"), value: true }]);
    expect(click.status).toBe(200);
    expect(tab.sessionId).toBe(sessionId);
    expect(click.messages.find((m) => m.type === "start")).toMatchObject({ reset: false });
    expect(tab.elements("markdown").map((props) => props.body)).toEqual(["Clicks: 1, level 3"]);
    // Only what the click changed was sent: the page the first visit drew is the same.
    expect(click.messages.filter((m) => m.type === "element")).toHaveLength(1);
    expect(await redis.exists(`edgelit:session:${sessionId}`)).toBe(1);

    await tab.send([{ id: tab.widgetId("button", "Add one"), value: true }]);
    expect(tab.elements("markdown").map((props) => props.body)).toEqual(["Clicks: 2, level 3"]);
  });

  test("a slider moved on a never-saved session keeps its value on the next click", async () => {
    const tab = new EventClient(server.url);
    await tab.send();
    expect(await redis.exists(`edgelit:session:${tab.sessionId}`)).toBe(0);
    await tab.send([{ id: tab.widgetId("slider", "Level"), value: 7 }]);
    await tab.send([{ id: tab.widgetId("button", "Add one"), value: true }]);
    expect(tab.elements("markdown").map((props) => props.body)).toEqual(["Clicks: 1, level 7"]);
  });

  test("a reload of a never-saved session (no run named) and a lost answer (its repeat) count once", async () => {
    const tab = new EventClient(server.url);
    await tab.send();
    // The tab reloads: it keeps its session id and has no run.
    tab.lastRunId = null;
    tab.tree.roots = tab.tree.roots.map(() => []);
    const sessionId = tab.sessionId;
    const reload = await tab.send();
    expect(reload.status).toBe(200);
    // The same session, still not stored.
    expect(tab.sessionId).toBe(sessionId);
    expect(await redis.exists(`edgelit:session:${sessionId}`)).toBe(0);
    const click = { id: tab.widgetId("button", "Add one"), value: true };
    const eventId = crypto.randomUUID();
    const body = { sessionId: tab.sessionId, lastRunId: tab.lastRunId, eventId, changes: [click] };
    expect((await postEvent(server.url, body)).status).toBe(200);
    // The answer was lost: the page sends the same event again, not knowing which run it holds.
    const repeat = await postEvent(server.url, { ...body, lastRunId: null });
    expect(repeat.status).toBe(200);
    const shown = repeat.messages.flatMap((m) =>
      m.type === "element" && m.kind === "markdown" ? [m.props.body] : [],
    );
    expect(shown).toEqual(["Clicks: 1, level 3"]);
  });

  test("a session id the server did not issue, or an expired one, is still answered session_expired", async () => {
    const tab = new EventClient(server.url);
    await tab.send();
    const issued = tab.sessionId!;
    const forged = `${"0".repeat(32)}${issued.slice(32)}`;
    const forgedAnswer = await postEvent(server.url, {
      sessionId: forged,
      lastRunId: tab.lastRunId,
    });
    expect(forgedAnswer.status).toBe(404);
    expect(forgedAnswer.error?.code).toBe("session_expired");
    // A page that says it holds a saved run whose record is gone: expired.
    const gone = await postEvent(server.url, { sessionId: issued, lastRunId: "5" });
    expect(gone.status).toBe(404);
    expect(gone.error?.code).toBe("session_expired");
  });
});

test("a page with upload widgets: a bare visit stores no session; an upload and its event then work", async () => {
  const redisServer = await startRedis();
  const server = await startEdgelit({ app: MEDIA_APP, storage: redisServer.url });
  const redis = new Redis(redisServer.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    const tab = new EventClient(server.url);
    await tab.send();
    const sessionId = tab.sessionId!;
    expect(await redis.keys("edgelit:session:*")).toEqual([]);
    const widgetId = uploaderId(tab, "Files");
    const bytes = new TextEncoder().encode("one\ntwo\n");
    const stored = await upload(
      server.url,
      { sessionId, widgetId },
      [{ name: "notes.txt", type: "text/plain", bytes }],
      { [UPLOAD_URL_HEADER]: "/" },
    );
    expect(stored.status).toBe(200);
    expect(stored.files).toMatchObject([{ name: "notes.txt", size: bytes.length }]);
    const shown = await tab.send([{ id: widgetId, value: stored.files!.map((file) => file.id) }]);
    expect(shown.messages.filter((m) => m.type === "refused")).toEqual([]);
    expect(linesShown(tab)).toContain(`notes.txt: ${bytes.length} bytes`);
    expect(await redis.exists(`edgelit:session:${sessionId}`)).toBe(1);
    // An id the server did not issue finds no page to draw.
    const forged = await upload(
      server.url,
      { sessionId: `${"0".repeat(32)}${sessionId.slice(32)}`, widgetId },
      [{ name: "notes.txt", type: "text/plain", bytes }],
    );
    expect(forged.status).toBe(404);
  } finally {
    redis.disconnect();
    await server.stop();
    await redisServer.stop();
  }
});

test(`with the fs store, ${VISITS} bare first visits write no session file`, async () => {
  const dir = tempDir("edgelit-anon-");
  const server = await startEdgelit({ app: APP, storage: `fs:${dir.path}` });
  try {
    await bareVisits(server.url, VISITS);
    const files = listFiles(dir.path);
    expect(files.filter((file) => file.includes("session"))).toEqual([]);
    const bytes = files.reduce((sum, file) => sum + statSync(join(dir.path, file)).size, 0);
    // The media key and one copy of the image (~7 KB), whatever the number of visits.
    expect(bytes).toBeLessThan(20_000);
  } finally {
    await server.stop();
    dir.remove();
  }
});

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath.slice(root.length), entry.name));
}
