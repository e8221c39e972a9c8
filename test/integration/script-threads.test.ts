import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ROUTES } from "../../src/protocol/index.ts";
import { EventClient, streamEvent } from "../helpers/events.ts";
import { startEdgelit, tempDir } from "../helpers/processes.ts";

// Scripts that never yield (fixtures/busy-loop-app.ts) run in script threads, off the thread that
// serves HTTP: other requests are answered while such a run is provably still in its loop.
const APP = "test/integration/fixtures/busy-loop-app.ts";
/** How long a request may take before the test calls the server stuck. Never reached when it passes. */
const STUCK_MS = 10_000;

let dir: ReturnType<typeof tempDir>;

/**
 * Starts the app on two threads and waits until both have loaded it: the server answers before
 * that, and an event waits for a loaded thread, which on a loaded machine can take seconds.
 */
async function startOnThreads(extraArgs: string[] = []) {
  const started = await startEdgelit({
    app: APP,
    env: { EDGELIT_TEST_DIR: dir.path },
    extraArgs: ["--threads", "2", ...extraArgs],
  });
  for (let tries = 0; tries < 1200; tries++) {
    if (started.output().includes("script threads have loaded the app")) return started;
    await new Promise((done) => setTimeout(done, 50));
  }
  await started.stop();
  throw new Error(`the script threads did not load the app in 60 s:\n${started.output()}`);
}
let server: Awaited<ReturnType<typeof startEdgelit>>;

beforeAll(async () => {
  dir = tempDir();
  server = await startOnThreads();
});
afterAll(async () => {
  await server?.stop();
  dir?.remove();
});

/** `work`, or an error once STUCK_MS have passed without an answer. */
async function unlessStuck<T>(what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${STUCK_MS} ms`)), STUCK_MS);
  });
  try {
    return await Promise.race([work, stuck]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves once `file` exists in the test folder (at most 30 s). */
async function fileAppears(name: string): Promise<void> {
  for (let tries = 0; tries < 600 && !existsSync(join(dir.path, name)); tries++)
    await new Promise((done) => setTimeout(done, 50));
  if (!existsSync(join(dir.path, name))) throw new Error(`${name} never appeared`);
}

const metric = (tab: EventClient) => tab.elements("metric")[0]?.value;
const click = (tab: EventClient, label: string) => [
  { id: tab.widgetId("button", label), value: true },
];

test("a script in a loop that never yields leaves health checks and other sessions answered", async () => {
  const spinner = new EventClient(server.url);
  await spinner.send();
  const spin = streamEvent(server.url, {
    sessionId: spinner.sessionId,
    lastRunId: spinner.lastRunId,
    changes: click(spinner, "Spin"),
  });
  try {
    await fileAppears("spinning");
    // The run is inside its loop until the release file exists.
    const health = await unlessStuck("the health check", fetch(server.url + ROUTES.health));
    expect(health.status).toBe(200);
    const other = new EventClient(server.url);
    await unlessStuck("another session's first event", other.send());
    await unlessStuck("another session's click", other.send(click(other, "Add one")));
    expect(metric(other)).toBe("1");
    expect(existsSync(join(dir.path, "release"))).toBe(false);
  } finally {
    writeFileSync(join(dir.path, "release"), "");
  }
  const answer = await spin.answer;
  expect(JSON.stringify(answer.messages)).toContain("released");
  expect(answer.messages.at(-1)?.type).toBe("finish");
});

test("an event reaches a script thread while every run it holds waits on something else", async () => {
  // One thread: the event must go to the thread whose only run awaits, not to a free one.
  const single = await startOnThreads(["--threads", "1"]);
  try {
    const waiter = new EventClient(single.url);
    await waiter.send();
    const wait = streamEvent(single.url, {
      sessionId: waiter.sessionId,
      lastRunId: waiter.lastRunId,
      changes: click(waiter, "Wait"),
    });
    try {
      await fileAppears("waiting");
      // The run awaits until the go file exists: the thread holds it, and sleeps between turns.
      const other = new EventClient(single.url);
      await unlessStuck("another session's first event", other.send());
      await unlessStuck("another session's click", other.send(click(other, "Add one")));
      expect(metric(other)).toBe("1");
      expect(existsSync(join(dir.path, "go"))).toBe(false);
    } finally {
      writeFileSync(join(dir.path, "go"), "");
    }
    const answer = await wait.answer;
    expect(JSON.stringify(answer.messages)).toContain("went on");
  } finally {
    await single.stop();
  }
});

test("a run past maxRunSeconds in a loop that never yields is ended; the session goes on", async () => {
  const limited = await startOnThreads(["--max-run-seconds", "2"]);
  try {
    const tab = new EventClient(limited.url);
    await tab.send();
    await tab.send(click(tab, "Add one"));
    expect(metric(tab)).toBe("1");

    const stuck = await unlessStuck("the endless run", tab.send(click(tab, "Spin forever")));
    const error = stuck.messages.find((message) => message.type === "error");
    expect(error).toMatchObject({ code: "run_timeout" });
    expect(error && "message" in error && error.message).toContain("maxRunSeconds");

    // Nothing of the ended run was saved; the session is as it was, and takes the next event.
    const health = await unlessStuck("the health check", fetch(limited.url + ROUTES.health));
    expect(health.status).toBe(200);
    await unlessStuck("the next click", tab.send(click(tab, "Add one")));
    expect(metric(tab)).toBe("2");
  } finally {
    await limited.stop();
  }
});

test("elements a loop that never yields makes reach the page as they are made", async () => {
  const tab = new EventClient(server.url);
  await tab.send();
  const animation = streamEvent(server.url, {
    sessionId: tab.sessionId,
    lastRunId: tab.lastRunId,
    changes: click(tab, "Animate"),
  });
  try {
    for (let frame = 0; frame < 3; frame++) {
      // Frame n arrives while the run is blocked until frame-n exists.
      const shown = await unlessStuck(
        `frame ${frame}`,
        animation.arrived((message) => JSON.stringify(message).includes(`frame ${frame}`)),
      );
      expect(shown.type).toBe("element");
      expect(existsSync(join(dir.path, `frame-${frame}`))).toBe(false);
      writeFileSync(join(dir.path, `frame-${frame}`), "");
    }
  } finally {
    for (let frame = 0; frame < 3; frame++) writeFileSync(join(dir.path, `frame-${frame}`), "");
  }
  expect((await animation.answer).messages.at(-1)?.type).toBe("finish");
});
