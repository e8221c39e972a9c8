import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { ROOTS } from "../../../src/protocol/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

test("st.chatInput returns the message for exactly the run its submission causes", async () => {
  const seen: (string | null)[] = [];
  const at = await AppTest.fromApp(
    defineApp((st) => {
      seen.push(st.chatInput("Say something"));
      st.button("Other event");
    }),
  ).run();
  await at.widget("chatInput", "Say something").setValue("hello").run();
  await at.button("Other event").click().run();
  // The same text again is a new message.
  await at.widget("chatInput", "Say something").setValue("hello").run();
  await at.run();
  // The first event of a session never saved first redraws the page the user saw (a null).
  expect(seen).toEqual([null, null, "hello", null, "hello", null]);
  expect((await at.record()).widgets[at.widget("chatInput", "Say something").id]!.value).toBeNull();
});

test("the chat input is pinned to the bottom root wherever it is called", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      const [left] = st.columns(2);
      left.chatInput("Ask", { maxChars: 10 });
      st.write("main");
    }),
  ).run();
  const input = at.get("chatInput")[0]!;
  expect(input.path).toEqual([ROOTS.bottom, 0]);
  expect(input.props).toMatchObject({ label: "Ask", maxChars: 10 });
  expect(at.tree.roots[ROOTS.bottom]).toHaveLength(1);
});

test("chat messages are validated: text, not empty, within maxChars", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => void st.write(`got ${st.chatInput("Ask", { maxChars: 5 })}`)),
  ).run();
  const id = at.widget("chatInput", "Ask").id;
  for (const [value, reason] of [
    [42, /expected text/],
    ["", /cannot be empty/],
    ["too long!", /longer than 5/],
  ] as const) {
    await at.sendChange(id, value).run();
    expect(at.refused[0]?.message).toMatch(reason);
    expect(at.get("markdown")[0]!.props.body).toBe("got null");
  }
  await at.sendChange(id, "short").run();
  expect(at.refused).toEqual([]);
  expect(at.get("markdown")[0]!.props.body).toBe("got short");
});

test("a keyed chat input shows its message in st.session for that run, which cannot be set", async () => {
  let submitted = 0;
  const at = await AppTest.fromApp(
    defineApp((st) => {
      if (st.button("Try to set")) st.session.prompt = "forged";
      const before = st.session.prompt;
      st.chatInput("Ask", { key: "prompt", onSubmit: () => void submitted++ });
      st.write(`before ${before}, after ${st.session.prompt}`);
    }),
  ).run();
  await at.widget("chatInput", { key: "prompt" }).setValue("hi").run();
  expect(at.get("markdown")[0]!.props.body).toBe("before hi, after hi");
  expect(submitted).toBe(1);
  await at.button("Try to set").click().run();
  expect(at.exceptions[0]!.props.message).toMatch(
    /st\.session\.prompt belongs to a chatInput; its value cannot be set/,
  );
});

test("st.chatMessage is a bubble holding elements, with its name and avatar", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.chatMessage("user").markdown("Hi");
      const reply = st.chatMessage("assistant", { avatar: "🦜" });
      reply.markdown("Hello");
      reply.code("1 + 1");
    }),
  ).run();
  expect(at.elements.map((e) => [e.kind, e.path.join(".")])).toEqual([
    ["chatMessage", "0.0"],
    ["markdown", "0.0.0"],
    ["chatMessage", "0.1"],
    ["markdown", "0.1.0"],
    ["code", "0.1.1"],
  ]);
  expect(at.get("chatMessage").map((e) => e.props)).toEqual([
    { name: "user" },
    { name: "assistant", avatar: "🦜" },
  ]);
});

test("the chat example keeps the history and streams the echo", async () => {
  const { default: app } = await import("../../../examples/chat/app.ts");
  const at = await AppTest.fromApp(app).run();
  await at.widget("chatInput", "Say something").setValue("hi there").run();
  const updates = at.messages.filter(
    (m) => m.type === "element" && m.kind === "markdown" && m.props.body.startsWith("You said"),
  );
  expect(updates.length).toBeGreaterThan(2);
  await at.widget("chatInput", "Say something").setValue("again").run();
  expect(at.get("chatMessage").map((e) => e.props.name)).toEqual([
    "user",
    "assistant",
    "user",
    "assistant",
  ]);
  expect(at.get("markdown").map((e) => e.props.body)).toEqual([
    "hi there",
    "You said: hi there",
    "again",
    "You said: again",
  ]);
  expect((await at.session()).messages).toHaveLength(4);
});

test("an onSubmit callback reads the submitted message through st.session", async () => {
  const seen: unknown[] = [];
  const app = defineApp((st) => {
    st.chatInput("Say something", { key: "said", onSubmit: () => seen.push(st.session.said) });
  });
  const at = await AppTest.fromApp(app).run();
  await at.widget("chatInput", { key: "said" }).setValue("hello").run();
  expect(seen).toEqual(["hello"]);
});
