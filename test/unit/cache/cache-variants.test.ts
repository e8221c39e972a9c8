import { createStorage } from "unstorage";
import { afterEach, expect, test, vi } from "vitest";
import { cacheData, defineApp } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

/** cacheData's showSpinner, scope "session" and refresh "background". */

afterEach(() => {
  vi.useRealTimers();
});

/** Waits (a bounded number of event loop turns) until `check` holds. */
async function eventually(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let turn = 0; turn < 500; turn++) {
    if (await check()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error("the condition never held");
}

test("showSpinner draws a spinner where the call is, while the function computes, and none on a hit", async () => {
  let computed = 0;
  const squares = cacheData(
    async function squares(n: number) {
      computed++;
      return n * n;
    },
    { showSpinner: "Squaring…", storage: createStorage() },
  );
  const app = defineApp(async (st) => {
    st.text("before");
    // After an await: the run is still known.
    await Promise.resolve();
    st.text(`4 squared is ${await squares(4)}`);
  });
  const at = await AppTest.fromApp(app).run();
  const drawn = () =>
    at.messages.flatMap((message) =>
      message.type === "element"
        ? [
            `${message.kind} ${"text" in message.props ? message.props.text : ""}${"body" in message.props ? message.props.body : ""}`.trim(),
          ]
        : [],
    );
  expect(drawn()).toEqual(["text before", "spinner Squaring…", "empty", "text 4 squared is 16"]);
  expect(at.elements.map((element) => element.kind)).toEqual(["text", "empty", "text"]);

  await at.run();
  expect(computed).toBe(1);
  expect(
    at.messages.some((message) => message.type === "element" && message.kind === "spinner"),
  ).toBe(false);
  expect(at.get("text").map((text) => text.props.body)).toEqual(["before", "4 squared is 16"]);
});

test('scope "session" keeps each session\'s results apart; the default scope shares them', async () => {
  const storage = createStorage();
  const runs: string[] = [];
  const perSession = cacheData(
    async function perSession(n: number) {
      runs.push(`session ${n}`);
      return n;
    },
    { scope: "session", storage },
  );
  const shared = cacheData(
    async function shared(n: number) {
      runs.push(`shared ${n}`);
      return n;
    },
    { storage },
  );
  const app = defineApp(async (st) => {
    await Promise.resolve();
    st.text(String((await perSession(1)) + (await shared(1))));
  });
  const alice = await AppTest.fromApp(app).run();
  await alice.run();
  const bob = await AppTest.fromApp(app).run();
  expect(bob.get("text")[0]?.props.body).toBe("2");
  expect(runs).toEqual(["session 1", "shared 1", "session 1"]);
  await expect(perSession(1)).rejects.toThrow(
    'cacheData(perSession) keeps results per session (scope: "session"), but it was called outside a run of the app',
  );
});

test('refresh "background" serves the stale result at once, then the fresh one once computed', async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-07T10:00:00Z"));
  let version = 0;
  let gate: Promise<void> = Promise.resolve();
  const prices = cacheData(
    async function prices() {
      version++;
      const mine = version;
      await gate;
      return `prices v${mine}`;
    },
    { ttl: 60, refresh: "background", storage: createStorage() },
  );
  expect(await prices()).toBe("prices v1");

  vi.setSystemTime(new Date("2026-12-07T10:01:01Z"));
  let open!: () => void;
  gate = new Promise((resolve) => (open = resolve));
  // Stale: returned at once, while v2 is computed (and held) in the background.
  expect(await prices()).toBe("prices v1");
  await eventually(() => version === 2);
  expect(await prices()).toBe("prices v1");
  expect(version).toBe(2); // one refresh at a time

  open();
  await eventually(async () => (await prices()) === "prices v2");
  expect(version).toBe(2);
});

test('refresh "background" needs a ttl', () => {
  expect(() => cacheData(async () => 1, { refresh: "background" })).toThrow(
    'cacheData: refresh: "background" needs a ttl',
  );
});

test('a scope "session" function works in a widget callback too', async () => {
  const visits = cacheData(async (page: string) => `visited ${page}`, {
    scope: "session",
    storage: createStorage(),
  });
  const app = defineApp((st) => {
    st.button("Visit", {
      onClick: async () => {
        st.session.note = await visits("home");
      },
    });
    st.text(String(st.session.note ?? "none"));
  });
  const at = await AppTest.fromApp(app).run();
  await at.button("Visit").click().run();
  expect(at.exceptions).toEqual([]);
  expect(at.get("text")[0]?.props.body).toBe("visited home");
});
