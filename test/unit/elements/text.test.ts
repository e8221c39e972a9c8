import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

const draw = (script: Parameters<typeof defineApp>[0]) => AppTest.fromApp(defineApp(script)).run();

test("headings, text, caption, code and divider carry what the app gave them", async () => {
  const at = await draw((st) => {
    st.title("T");
    st.header("H", { divider: true });
    st.subheader("S");
    st.text("  spaced  ");
    st.caption("small");
    st.code("let x = 1;", { language: "js", lineNumbers: true });
    st.divider();
  });
  expect(at.elements.map((e) => [e.kind, e.props])).toEqual([
    ["heading", { level: 1, body: "T" }],
    ["heading", { level: 2, body: "H", divider: true }],
    ["heading", { level: 3, body: "S" }],
    ["text", { body: "  spaced  " }],
    ["caption", { body: "small" }],
    ["code", { body: "let x = 1;", language: "js", lineNumbers: true }],
    ["divider", {}],
  ]);
});

test("markdown is marked for raw HTML only when the app opts in", async () => {
  const at = await draw((st) => {
    st.markdown("<b>escaped</b>");
    st.markdown("<b>raw</b>", { unsafeAllowHtml: true });
  });
  expect(at.get("markdown").map((e) => e.props)).toEqual([
    { body: "<b>escaped</b>" },
    { body: "<b>raw</b>", allowHtml: true },
  ]);
});

test("write picks markdown for text and numbers, JSON for data, an exception box for errors", async () => {
  const at = await draw((st) => {
    st.write("Total:", 42, true);
    st.write({ a: new Map([["k", new Set([1n])]]), when: new Date(0) }, [1, 2]);
    st.write(new TypeError("nope"));
  });
  expect(at.elements.map((e) => [e.kind, e.props])).toEqual([
    ["markdown", { body: "Total: 42 true" }],
    ["json", { body: { a: { k: ["1n"] }, when: "1970-01-01T00:00:00.000Z" }, expanded: true }],
    ["json", { body: [1, 2], expanded: true }],
    ["exception", expect.objectContaining({ name: "TypeError", message: "nope" })],
  ]);
});

test("json survives cycles and odd values", async () => {
  const cyclic: Record<string, unknown> = { name: "loop" };
  cyclic.self = cyclic;
  const at = await draw((st) =>
    st.json({ cyclic, nan: Number.NaN, fn: function named() {} }, { expanded: false }),
  );
  expect(at.get("json")[0]!.props).toEqual({
    body: { cyclic: { name: "loop", self: "[circular]" }, nan: "NaN", fn: "[function named]" },
    expanded: false,
  });
});

test("metric shows the delta's direction from its sign", async () => {
  const at = await draw((st) => {
    st.metric("Up", 10, { delta: 2 });
    st.metric("Down", "9 ms", { delta: "-1 ms", deltaColor: "inverse" });
    st.metric("Flat", 1, { delta: 0 });
    st.metric("None", null);
  });
  expect(at.get("metric").map((e) => e.props)).toEqual([
    { label: "Up", value: "10", delta: "2", deltaSign: "up", deltaColor: "normal" },
    { label: "Down", value: "9 ms", delta: "-1 ms", deltaSign: "down", deltaColor: "inverse" },
    { label: "Flat", value: "1", delta: "0", deltaSign: "none", deltaColor: "normal" },
    { label: "None", value: "—", deltaColor: "normal" },
  ]);
});

test("callouts carry their level and icon", async () => {
  const at = await draw((st) => {
    st.error("e");
    st.warning("w", { icon: "⚠️" });
    st.info("i");
    st.success("s");
  });
  expect(at.get("alert").map((e) => e.props)).toEqual([
    { level: "error", body: "e" },
    { level: "warning", body: "w", icon: "⚠️" },
    { level: "info", body: "i" },
    { level: "success", body: "s" },
  ]);
});
