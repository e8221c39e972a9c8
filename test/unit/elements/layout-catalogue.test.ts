import { expect, test } from "vitest";
import { defineApp, type St } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

/** The message of the exception the app's one run shows. */
async function errorOf(script: (st: St) => unknown): Promise<string | undefined> {
  const at = await AppTest.fromApp(defineApp((st) => void script(st))).run();
  return at.exceptions[0]?.props.message;
}

test("a popover is a block whose widgets work like anywhere else", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      const settings = st.popover("Settings", {
        icon: "⚙️",
        help: "Tune it",
        useContainerWidth: true,
      });
      const dark = settings.toggle("Dark mode");
      st.write(dark ? "dark" : "light");
      st.popover("Off", { disabled: true, icon: ":material/settings:" });
    }),
  ).run();
  expect(at.elements.map((e) => [e.kind, e.path.join(".")])).toEqual([
    ["popover", "0.0"],
    ["toggle", "0.0.0"],
    ["markdown", "0.1"],
    ["popover", "0.2"],
  ]);
  expect(at.get("popover").map((e) => e.props)).toEqual([
    { label: "Settings", help: "Tune it", icon: "⚙️", fullWidth: true },
    { label: "Off", icon: ":material/settings:", disabled: true },
  ]);
  await at.toggle("Dark mode").setValue(true).run();
  expect(at.get("markdown")[0]!.props.body).toBe("dark");
});

test("st.bottom draws into the bottom root, in order, next to the chat input", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.write("main");
      st.chatInput("Ask");
      st.bottom.caption("First");
      const [left, right] = st.bottom.columns(2);
      left.button("Clear");
      right.write("right");
    }),
  ).run();
  expect(at.elements.map((e) => [e.kind, e.path.join(".")])).toEqual([
    ["markdown", "0.0"],
    ["chatInput", "2.0"],
    ["caption", "2.1"],
    ["columns", "2.2"],
    ["column", "2.2.0"],
    ["button", "2.2.0.0"],
    ["column", "2.2.1"],
    ["markdown", "2.2.1.0"],
  ]);
});

test("columns carry their gap, vertical alignment and border", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.columns(2);
      st.columns([1, 2], { gap: null, verticalAlignment: "center", border: true });
      st.columns(3, { gap: "medium", verticalAlignment: "bottom" });
    }),
  ).run();
  expect(at.get("columns").map((e) => e.props)).toEqual([
    { widths: [1, 1], gap: "small" },
    { widths: [1, 2], gap: null, verticalAlignment: "center", border: true },
    { widths: [1, 1, 1], gap: "medium", verticalAlignment: "bottom" },
  ]);
});

test("a container with a height scrolls, with a border unless told otherwise, and keeps its key", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.container().write("plain");
      st.container({ height: 200 }).write("scrolls");
      st.container({ height: 120.4, border: false, key: "log box" }).write("no border");
      st.container({ border: true }).write("boxed");
    }),
  ).run();
  expect(at.get("container").map((e) => e.props)).toEqual([
    {},
    { border: true, height: 200 },
    { height: 120, key: "log box" },
    { border: true },
  ]);
  expect(at.elements.map((e) => e.path.join("."))).toEqual([
    "0.0",
    "0.0.0",
    "0.1",
    "0.1.0",
    "0.2",
    "0.2.0",
    "0.3",
    "0.3.0",
  ]);
});

test("an expander carries its icon: one emoji or a Material icon", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.expander("Fire", { icon: "🔥", expanded: true }).write("hot");
      st.expander("Flag", { icon: "🇳🇴" });
      st.expander("Gear", { icon: ":material/settings:" });
      st.expander("Plain");
    }),
  ).run();
  expect(at.get("expander").map((e) => e.props)).toEqual([
    { label: "Fire", expanded: true, icon: "🔥" },
    { label: "Flag", expanded: false, icon: "🇳🇴" },
    { label: "Gear", expanded: false, icon: ":material/settings:" },
    { label: "Plain", expanded: false },
  ]);
});

test("bad layout options are reported in the page with what was wrong", async () => {
  expect(await errorOf((st) => st.container({ height: 0 }))).toMatch(
    /st\.container needs a height in pixels that is a positive number; got 0/,
  );
  expect(await errorOf((st) => st.container({ height: "300px" as never }))).toMatch(
    /positive number; got "300px"/,
  );
  expect(await errorOf((st) => st.container({ height: Number.NaN }))).toMatch(
    /positive number; got NaN/,
  );
  expect(await errorOf((st) => st.container({ key: "" }))).toMatch(
    /st\.container needs a key that is a non-empty string/,
  );
  expect(await errorOf((st) => st.columns(2, { gap: "huge" as never }))).toMatch(
    /st\.columns takes gap "small", "medium", "large" or null; got "huge"/,
  );
  expect(await errorOf((st) => st.columns(2, { verticalAlignment: "middle" as never }))).toMatch(
    /st\.columns takes verticalAlignment "top", "center" or "bottom"; got "middle"/,
  );
  expect(await errorOf((st) => st.expander("x", { icon: "fire" }))).toMatch(
    /st\.expander: icon must be one emoji or ":material\/icon_name:"; got "fire"/,
  );
  expect(await errorOf((st) => st.expander("x", { icon: "🔥🔥" }))).toMatch(
    /st\.expander: icon must be one emoji/,
  );
  expect(await errorOf((st) => st.popover("x", { icon: ":material/Bad Name:" }))).toMatch(
    /st\.popover: icon must be one emoji/,
  );
  expect(await errorOf((st) => st.popover(""))).toMatch(
    /st\.popover needs a non-empty label for its button/,
  );
});
