import { expect, test } from "vitest";
import { createStorage } from "unstorage";
import { defineApp, fragment } from "../../../src/index.ts";
import { createServer } from "../../../src/server/create-server.ts";
import { AppTest } from "../../../src/testing/index.ts";
import type { ServerMessage } from "../../../src/protocol/index.ts";
import { postToServer } from "../../helpers/events.ts";

const app = defineApp((st) => {
  const greeting = st.context.env.GREETING;
  st.text(typeof greeting === "string" ? greeting : "no greeting");
  const panel = fragment("panel", (fst) => {
    fst.text(`fragment: ${String(fst.context.env.GREETING)}`);
  });
  panel(st);
  if (st.button("Change it")) {
    try {
      (st.context.env as Record<string, unknown>).GREETING = "changed";
    } catch {
      st.text("refused");
    }
  }
});

test("st.context.env reads the bindings AppTest is given, in the app and in a fragment", async () => {
  const at = await AppTest.fromApp(app, { env: Object.freeze({ GREETING: "Hello, env" }) }).run();
  expect(at.get("text").map((text) => text.props.body)).toEqual([
    "Hello, env",
    "fragment: Hello, env",
  ]);
});

test("st.context.env is empty when nothing is given, not the test process's environment", async () => {
  process.env.GREETING = "from the process";
  try {
    const at = await AppTest.fromApp(app).run();
    expect(at.get("text")[0]!.props.body).toBe("no greeting");
  } finally {
    delete process.env.GREETING;
  }
});

test("an app cannot write to st.context.env", async () => {
  const at = await AppTest.fromApp(app, { env: Object.freeze({ GREETING: "kept" }) }).run();
  await at.button("Change it").click().run();
  expect(at.get("text").map((text) => text.props.body)).toEqual([
    "kept",
    "fragment: kept",
    "refused",
  ]);
});

test("the server reads its own env, and a request's env when fetch is given one", async () => {
  const server = createServer({ app, storage: createStorage(), env: { GREETING: "server" } });
  const firstText = (messages: ServerMessage[]) =>
    messages.flatMap((m) => (m.type === "element" && m.kind === "text" ? [m.props.body] : []))[0];
  const load = { sessionId: null, lastRunId: null, eventId: "load" };

  expect(firstText(await postToServer(server, load))).toBe("server");
  const perRequest = {
    fetch: (request: Request) => server.fetch(request, { GREETING: "request" }),
  };
  expect(firstText(await postToServer(perRequest, load))).toBe("request");
});
