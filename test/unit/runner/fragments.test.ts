import { createStorage } from "unstorage";
import { expect, test } from "vitest";
import { EdgelitApiError, defineApp, fragment } from "../../../src/index.ts";
import { PROTOCOL_VERSION, type ServerMessage } from "../../../src/protocol/index.ts";
import { createServer } from "../../../src/server/create-server.ts";
import { AppTest } from "../../../src/testing/index.ts";
import { postToServer } from "../../helpers/events.ts";

const bodies = (at: AppTest) => at.get("markdown").map((element) => element.props.body);
const sentPaths = (at: AppTest) =>
  at.messages.flatMap((message) => (message.type === "element" ? [message.path.join(".")] : []));

let scriptRuns = 0;
let fragmentRuns = 0;

const counter = fragment("counter", (st, args: { label: string }) => {
  fragmentRuns++;
  const step = st.slider("Step", { min: 1, max: 10, value: 1 });
  st.session.total ??= 0;
  if (st.button("Add")) st.session.total += step;
  st.write(`${args.label}: ${st.session.total}`);
});

const counterApp = defineApp((st) => {
  scriptRuns++;
  st.session.fullRuns = (st.session.fullRuns ?? 0) + 1;
  st.write(`full runs: ${st.session.fullRuns}`);
  const label = st.textInput("Label", { value: "Total" });
  counter(st, { label });
  st.write("after the fragment");
});

test("a widget inside a fragment reruns only the fragment, and the rest of the page is not sent again", async () => {
  const at = await AppTest.fromApp(counterApp).run();
  expect(bodies(at)).toEqual(["full runs: 1", "Total: 0", "after the fragment"]);
  const fragmentBlock = at.get("fragment")[0]!;
  expect(fragmentBlock.props.id).toBe("counter");
  const [scripts, fragments] = [scriptRuns, fragmentRuns];

  await at.slider("Step").setValue(5).run();
  await at.button("Add").click().run();
  expect(scriptRuns).toBe(scripts); // the app's script did not run at all
  expect(fragmentRuns).toBe(fragments + 2);
  expect(bodies(at)).toEqual(["full runs: 1", "Total: 5", "after the fragment"]);
  // Only the fragment's changed element went out, inside its block.
  const inside = fragmentBlock.path.join(".");
  expect(sentPaths(at).length).toBeGreaterThan(0);
  expect(sentPaths(at).every((path) => path.startsWith(`${inside}.`))).toBe(true);
  const start = at.messages[0]!;
  expect(start.type === "start" && start.scope).toEqual(fragmentBlock.path);
  const finish = at.messages.at(-1)!;
  expect(
    finish.type === "finish" &&
      Object.keys(finish.counts).every((key) => key === inside || key.startsWith(`${inside}.`)),
  ).toBe(true);
});

test("a fragment's rerun gets the arguments of its last call in a full run; a full run runs it as part of the script", async () => {
  const at = await AppTest.fromApp(counterApp).run();
  await at.textInput("Label").setValue("Sum").run(); // outside the fragment: a full run
  expect(bodies(at)).toEqual(["full runs: 2", "Sum: 0", "after the fragment"]);
  await at.runFragment("counter");
  expect(bodies(at)).toEqual(["full runs: 2", "Sum: 0", "after the fragment"]);
  const record = await at.record();
  expect(record.fragments?.counter?.args).toEqual({ label: "Sum" });
  expect(record.fragments?.counter?.widgets).toHaveLength(2);
});

test("changes inside and outside a fragment in one event make a full run", async () => {
  const at = await AppTest.fromApp(counterApp).run();
  const scripts = scriptRuns;
  await at.slider("Step").setValue(3).textInput("Label").setValue("Both").run();
  expect(scriptRuns).toBe(scripts + 1);
  expect(bodies(at)).toEqual(["full runs: 2", "Both: 0", "after the fragment"]);
  expect(at.slider("Step").props.value).toBe(3);
});

test("an event for a fragment the app no longer has makes a full run, not an error", async () => {
  const at = await AppTest.fromApp(counterApp).run();
  const scripts = scriptRuns;
  await at.runFragment("removed-by-a-deploy");
  expect(scriptRuns).toBe(scripts + 1);
  expect(bodies(at)[0]).toBe("full runs: 2");
  expect(at.exceptions).toEqual([]);
});

test("a fragment that draws less removes its stale elements only, and a rerun after a full run matches it", async () => {
  const shrinking = fragment("shrinking", (st) => {
    const many = st.checkbox("Many", { value: true });
    for (let i = 0; i < (many ? 3 : 1); i++) st.write(`item ${i}`);
  });
  const app = defineApp((st) => {
    st.write("top");
    shrinking(st);
    st.write("bottom");
  });
  const at = await AppTest.fromApp(app).run();
  expect(bodies(at)).toEqual(["top", "item 0", "item 1", "item 2", "bottom"]);
  await at.checkbox("Many").setValue(false).run();
  expect(bodies(at)).toEqual(["top", "item 0", "bottom"]);
  expect((await at.record()).tree).toEqual(await fullRunTree(at));
});

/** The tree a full run of the app would leave for the same state. */
async function fullRunTree(at: AppTest) {
  await at.runFragment("no-such-fragment"); // falls back to a full run
  return (await at.record()).tree;
}

test("st.rerun({ scope: 'fragment' }) reruns the fragment alone; st.rerun() inside it reruns the app", async () => {
  let appRuns = 0;
  const rerunning = fragment("rerunning", (st) => {
    st.session.passes = (st.session.passes ?? 0) + 1;
    if (st.button("Again") && st.session.passes < 3) st.rerun({ scope: "fragment" });
    if (st.button("Whole app")) st.rerun();
    st.write(`passes ${st.session.passes}`);
  });
  const app = defineApp((st) => {
    appRuns++;
    rerunning(st);
  });
  const at = await AppTest.fromApp(app).run();
  expect(appRuns).toBe(1);
  await at.button("Again").click().run();
  expect(appRuns).toBe(1);
  expect(bodies(at)).toEqual(["passes 3"]);
  await at.button("Whole app").click().run();
  expect(appRuns).toBe(2);
});

test('st.rerun({ scope: "fragment" }) outside a fragment is a clear error', async () => {
  const at = await AppTest.fromApp(defineApp((st) => st.rerun({ scope: "fragment" }))).run();
  expect(at.exceptions[0]!.props.message).toMatch(/only works on the st a fragment receives/);
});

test("onChange of a fragment's widget runs before the fragment's rerun, without running the app", async () => {
  const order: string[] = [];
  const withCallback = fragment("with-callback", (st) => {
    order.push("fragment");
    st.checkbox("Flag", {
      key: "flag",
      onChange: () => order.push(`changed to ${st.session.flag}`),
    });
  });
  const app = defineApp((st) => {
    order.push("app");
    withCallback(st);
  });
  const at = await AppTest.fromApp(app).run();
  order.length = 0;
  await at.checkbox("Flag").setValue(true).run();
  // The callback is found by replaying the fragment only (the first "fragment"), then the fragment reruns.
  expect(order).toEqual(["fragment", "changed to true", "fragment"]);
});

test("a fragment called twice is two instances, each rerun with its own arguments", async () => {
  const greeting = fragment("greeting", (st, args: { name: string }) => {
    const loud = st.checkbox("Loud", { key: `loud-${args.name}` });
    st.write(loud ? `HELLO ${args.name.toUpperCase()}` : `hello ${args.name}`);
  });
  const app = defineApp((st) => {
    greeting(st, { name: "ada" });
    greeting(st, { name: "bob" });
  });
  const at = await AppTest.fromApp(app).run();
  expect(at.get("fragment").map((block) => block.props.id)).toEqual(["greeting", "greeting#2"]);
  await at.checkbox({ key: "loud-bob" }).setValue(true).run();
  expect(at.messages[0]!.type === "start" && at.messages[0]!.scope).toEqual(
    at.get("fragment")[1]!.path,
  );
  expect(bodies(at)).toEqual(["hello ada", "HELLO BOB"]);
});

test("nested fragments: the inner one reruns alone; the outer one reruns with the inner one inside", async () => {
  const runs: string[] = [];
  const inner = fragment("inner", (st) => {
    runs.push("inner");
    st.write(`inner ${st.checkbox("Inner box") ? "on" : "off"}`);
  });
  const outer = fragment("outer", (st) => {
    runs.push("outer");
    st.write(`outer ${st.checkbox("Outer box") ? "on" : "off"}`);
    inner(st);
  });
  const at = await AppTest.fromApp(
    defineApp((st) => {
      runs.push("app");
      outer(st);
    }),
  ).run();
  expect(at.get("fragment").map((block) => block.props.id)).toEqual(["outer", "outer/inner"]);
  runs.length = 0;
  await at.checkbox("Inner box").setValue(true).run();
  expect(runs).toEqual(["inner"]);
  await at.checkbox("Outer box").setValue(true).run();
  expect(runs).toEqual(["inner", "outer", "inner"]);
  expect(bodies(at)).toEqual(["outer on", "inner on"]);
  expect(Object.keys((await at.record()).fragments ?? {})).toEqual(["outer", "outer/inner"]);
});

test("a widget a fragment draws outside itself is not the fragment's: its change reruns the app", async () => {
  let appRuns = 0;
  const reaching = fragment("reaching", (st, args: { outside: boolean }) => {
    st.write("inside");
    void args;
  });
  const at = await AppTest.fromApp(
    defineApp((st) => {
      appRuns++;
      const side = st.container();
      reaching(st, { outside: true });
      side.checkbox("Outside box");
    }),
  ).run();
  expect((await at.record()).fragments?.reaching?.widgets).toEqual([]);
  const runs = appRuns;
  await at.checkbox("Outside box").setValue(true).run();
  expect(appRuns).toBe(runs + 1);
});

test("an error in a fragment's rerun shows inside the fragment and leaves the page", async () => {
  const failing = fragment("failing", (st) => {
    if (st.button("Fail")) throw new Error("boom");
    st.write("fine");
  });
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.write("outside");
      failing(st);
    }),
  ).run();
  await at.button("Fail").click().run();
  expect(bodies(at)).toEqual(["outside"]);
  expect(at.exceptions[0]!.path.slice(0, -1)).toEqual(at.get("fragment")[0]!.path);
  await at.run();
  expect(bodies(at)).toEqual(["outside", "fine"]);
});

test("fragment ids: defined twice is a clear error; arguments that are not data are refused", async () => {
  fragment("twice", () => {});
  expect(() => fragment("twice", () => {})).toThrow(EdgelitApiError);
  expect(() => fragment("twice", () => {})).toThrow(/"twice" is defined twice/);
  expect(() => fragment("a/b", () => {})).toThrow(/without "\/" or "#"/);
  expect(() => fragment("ticking", () => {}, { runEvery: 0 })).toThrow(
    /runEvery must be a positive number/,
  );

  const takesArgs = fragment("takes-args", (_st, args: { onClick: () => void }) => void args);
  const at = await AppTest.fromApp(defineApp((st) => takesArgs(st, { onClick: () => {} }))).run();
  expect(at.exceptions[0]!.props.message).toMatch(
    /arguments of fragment "takes-args".*args\.onClick/,
  );
});

test("a fragment cannot draw into the sidebar from inside, but can be called there", async () => {
  const inSidebar = fragment("in-sidebar", (st) => st.write("side"));
  const reachesOut = fragment("reaches-out", (st) => void st.sidebar.write("nope"));
  const at = await AppTest.fromApp(
    defineApp((st) => {
      inSidebar(st.sidebar);
      reachesOut(st);
    }),
  ).run();
  expect(at.get("fragment").find((block) => block.props.id === "in-sidebar")!.path[0]).toBe(1);
  expect(bodies(at)).toEqual(["side"]);
  expect(at.exceptions[0]!.props.message).toMatch(/draws only into its own block/);
});

test("a fragment's run that outlives its deadline stops with the error in the fragment", async () => {
  const slow = fragment("slow", async (st) => {
    if (st.button("Slow")) await new Promise((resolve) => setTimeout(resolve, 300));
    st.write("done");
  });
  const at = AppTest.fromApp(
    defineApp(async (st) => {
      st.write("outside");
      await slow(st);
    }),
    { maxRunSeconds: 0.1 },
  );
  await at.run();
  await at.button("Slow").click().run();
  expect(bodies(at)).toEqual(["outside"]);
  expect(at.exceptions[0]!.props.name).toBe("RunTimeoutError");
  expect(at.exceptions[0]!.path.slice(0, -1)).toEqual(at.get("fragment")[0]!.path);
});

test("over HTTP: a fragment event answers a start scoped to the fragment's block; a malformed fragment field is a 400", async () => {
  const server = createServer({ app: counterApp, storage: createStorage() });
  const first = await postToServer(server, { sessionId: null, lastRunId: null, eventId: "load" });
  const start = first[0] as Extract<ServerMessage, { type: "start" }>;
  const finish = first.at(-1) as Extract<ServerMessage, { type: "finish" }>;
  const block = first.find((message) => message.type === "element" && message.kind === "fragment")!;
  const tick = await postToServer(server, {
    sessionId: start.sessionId,
    lastRunId: finish.runId,
    eventId: "tick",
    fragment: { id: "counter" },
  });
  expect(tick[0]).toMatchObject({
    type: "start",
    reset: false,
    scope: (block as { path: number[] }).path,
  });
  expect(tick.at(-1)!.type).toBe("finish");

  const response = await server.fetch(
    new Request("http://app.test/_edgelit/event", {
      method: "POST",
      headers: { "content-type": "application/json", "x-edgelit": "1" },
      body: JSON.stringify({
        protocol: PROTOCOL_VERSION,
        sessionId: start.sessionId,
        lastRunId: null,
        eventId: "bad",
        changes: [],
        fragment: "counter",
      }),
    }),
  );
  expect(response.status).toBe(400);
  expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
    /fragment must be \{ id: string, dismiss\?: true \}/,
  );
});
