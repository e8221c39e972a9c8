// h3/node by name, as the Node adapter does: the server must be the Node build whatever the resolver prefers.
import { serve } from "h3/node";
import { createStorage, type Storage } from "unstorage";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { storageFromFlag } from "../../adapters/node/cli/storage-flag.ts";
import { CLIENT_HEADER, ROUTES, UPLOAD_SESSION_HEADER } from "../../src/protocol/index.ts";
import { createServer } from "../../src/server/create-server.ts";
import type { ServerLog } from "../../src/server/server-log.ts";
import { EventClient, postEvent, streamEvent } from "../helpers/events.ts";
import { freePort, startRedis, type StartedRedis } from "../helpers/processes.ts";
import app, { releaseSlowSave } from "./fixtures/throws-on-click-app.ts";

/**
 * The server's log: every error a script does not catch is one entry with
 * its stack, every store operation that fails is one entry naming it, and
 * control flow (st.stop, st.rerun) is no error. The server runs in this
 * process over real HTTP, its `log` option collecting the entries; the store
 * failures come from a real redis-server that the test stops.
 */

interface LoggedServer {
  url: string;
  entries: string[];
  close(): Promise<void>;
}

async function startServer(storage: Storage): Promise<LoggedServer> {
  const entries: string[] = [];
  const log: ServerLog = {
    error: (entry) => entries.push(entry),
    warn: (entry) => entries.push(entry),
  };
  const edgelit = createServer({ app, storage, log });
  const port = await freePort();
  const server = serve(edgelit.h3, {
    port,
    hostname: "127.0.0.1",
    silent: true,
    gracefulShutdown: false,
  });
  await server.ready();
  return {
    url: `http://127.0.0.1:${port}`,
    entries,
    close: async () => {
      await server.close(true);
      await storage.dispose();
    },
  };
}

const click = (tab: EventClient, label: string) =>
  tab.send([{ id: tab.widgetId("button", label), value: true }]);

/** The entries logged while `action` ran (the answer is whole, so the run and its save are over). */
async function loggedDuring(
  server: LoggedServer,
  action: () => Promise<unknown>,
): Promise<string[]> {
  const before = server.entries.length;
  await action();
  return server.entries.slice(before);
}

describe("script errors", () => {
  let server: LoggedServer;
  let tab: EventClient;
  beforeAll(async () => {
    server = await startServer(createStorage());
    tab = new EventClient(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });
  // A failed run shows only its error: each test starts from the whole page again.
  beforeEach(async () => {
    await tab.send();
  });

  test("a script that throws logs one entry: where, the session, the error and its stack; st.stop() and st.rerun() log nothing", async () => {
    const entries = await loggedDuring(server, async () => {
      await click(tab, "Stop");
      await tab.send();
      await click(tab, "Rerun");
      expect(tab.elements("markdown").map((props) => props.body)).toEqual(["All is well"]);
      await click(tab, "Break");
    });
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    const session = tab.sessionId!.slice(0, 8);
    expect(entry).toMatch(
      new RegExp(
        `^\\[edgelit\\] script error in app \\(session ${session}\\): RangeError: The button broke the app\\n\\s+at `,
      ),
    );
    expect(entry).toContain("throws-on-click-app.ts");
    // The page got the error too, without the stack (production by default).
    expect(tab.elements("exception")).toEqual([
      { name: "RangeError", message: "The button broke the app" },
    ]);
    // The log names a session by a prefix only: the whole id is what a tab sends to act as it.
    expect(entry).not.toContain(tab.sessionId);
  });

  test("a callback that throws logs one entry naming the callback", async () => {
    const entries = await loggedDuring(server, () => click(tab, "Break in a callback"));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(
      /^\[edgelit\] script error in a widget callback of app \(session [0-9a-f]{8}\): SyntaxError: The callback broke\n\s+at /,
    );
  });

  test("a fragment that throws logs one entry, naming the fragment when it ran alone", async () => {
    const change = { id: tab.widgetId("button", "Break the fragment"), value: true };
    const alone = await loggedDuring(server, () =>
      postEvent(server.url, {
        sessionId: tab.sessionId,
        lastRunId: tab.lastRunId,
        changes: [change],
        fragment: { id: "checkout" },
      }),
    );
    expect(alone).toHaveLength(1);
    expect(alone[0]).toMatch(
      /^\[edgelit\] script error in fragment "checkout" of app \(session [0-9a-f]{8}\): TypeError: The fragment broke\n\s+at /,
    );

    await tab.send();
    const inFullRun = await loggedDuring(server, () => tab.send([change]));
    expect(inFullRun).toHaveLength(1);
    expect(inFullRun[0]).toMatch(
      /^\[edgelit\] script error in app \(session [0-9a-f]{8}\): TypeError: The fragment broke\n/,
    );
  });
});

describe("store errors", () => {
  let redis: StartedRedis;
  let server: LoggedServer;
  beforeAll(async () => {
    // Persisted: a restart of it is an outage, not a wipe, so the session is there once it is back.
    redis = await startRedis({ persist: true });
    // The CLI's own redis store, with a password in its URL that no log entry may repeat.
    const url = redis.url.replace("redis://", "redis://:hunter2-secret@");
    server = await startServer((await storageFromFlag(url, process.cwd())).storage);
  });
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  test("each failed load of a session logs one entry, and nothing once the store is back", async () => {
    const tab = new EventClient(server.url);
    await tab.send();
    // What the Redis client itself prints meanwhile (stderr, beside the server's log).
    const printed: string[] = [];
    const stderr = vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => {
      printed.push(parts.map(String).join(" "));
    });
    await redis.down();
    let entries: string[] = [];
    try {
      entries = await loggedDuring(server, async () => {
        expect((await click(tab, "Stop")).status).toBe(503);
        expect((await click(tab, "Stop")).status).toBe(503);
      });
    } finally {
      await redis.up();
      stderr.mockRestore();
    }
    // The lost connection is one line, not a stack per reconnection attempt.
    expect(printed.filter((line) => line.startsWith("[ioredis]"))).toEqual([]);
    expect(
      printed.filter((line) => line.startsWith("[edgelit] store connection lost")),
    ).toHaveLength(1);
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry).toMatch(
        new RegExp(
          `^\\[edgelit\\] store error while loading session ${tab.sessionId!.slice(0, 8)}: \\S`,
        ),
      );
      expect(entry).not.toContain("\n");
      expect(entry).not.toContain("hunter2");
    }
    const after = await loggedDuring(server, () => click(tab, "Stop"));
    expect(tab.last?.status).toBe(200);
    expect(after).toEqual([]);
  }, 30_000);

  test("a save that fails logs one entry naming the save", async () => {
    const tab = new EventClient(server.url);
    await tab.send();
    const event = streamEvent(server.url, {
      sessionId: tab.sessionId,
      lastRunId: tab.lastRunId,
      changes: [{ id: tab.widgetId("button", "Save slowly"), value: true }],
    });
    let entries: string[] = [];
    try {
      entries = await loggedDuring(server, async () => {
        // The run has loaded the session and waits for the test: the store goes away before it saves.
        await event.reached("start");
        await redis.down();
        releaseSlowSave();
        const answer = await event.answer;
        expect(answer.messages.find((message) => message.type === "error")).toMatchObject({
          code: "store_unavailable",
        });
      });
    } finally {
      await redis.up();
    }
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(
      new RegExp(
        `^\\[edgelit\\] store error while saving session ${tab.sessionId!.slice(0, 8)}: \\S`,
      ),
    );
    expect(entries[0]).not.toContain("hunter2");
  }, 30_000);

  test("a media read and an upload that meet a failed store log one entry each", async () => {
    const tab = new EventClient(server.url);
    await tab.send();
    await redis.down();
    let entries: string[] = [];
    try {
      entries = await loggedDuring(server, async () => {
        const media = await fetch(`${server.url}${ROUTES.media}${"ab".repeat(16)}`);
        expect(media.status).toBe(503);
        const form = new FormData();
        form.append("files", new Blob(["a,b\n1,2\n"], { type: "text/csv" }), "data.csv");
        const upload = await fetch(`${server.url}${ROUTES.upload}?widget=any`, {
          method: "POST",
          headers: { [CLIENT_HEADER]: "1", [UPLOAD_SESSION_HEADER]: tab.sessionId! },
          body: form,
        });
        expect(upload.status).toBe(503);
      });
    } finally {
      await redis.up();
    }
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatch(/^\[edgelit\] store error while reading media abababab: \S/);
    expect(entries[1]).toMatch(
      new RegExp(
        `^\\[edgelit\\] store error while loading session ${tab.sessionId!.slice(0, 8)} for an upload: \\S`,
      ),
    );
  }, 30_000);
});
