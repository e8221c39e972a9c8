import { expect, test } from "vitest";
import { defineApp, fragment, page } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

let ticks = 0;
const clock = fragment("page-clock", (st) => void st.write(`tick ${++ticks}`), { runEvery: 1 });
const live = page((st) => { st.title("Live"); clock(st); }, { title: "Live" });
const other = page((st) => void st.title("Other"), { title: "Other" });
const app = defineApp(async (st) => {
  const current = st.navigation([live, other]);
  await current.run(st);
});

test("a fragment's rerun on its own page stays scoped; after a page change it becomes a full run of the new page", async () => {
  const at = await AppTest.fromApp(app).run();
  expect(at.get("heading").map((heading) => heading.props.body)).toEqual(["Live"]);
  const before = ticks;
  await at.runFragment("page-clock");
  expect(ticks).toBe(before + 1);
  expect(at.get("markdown").map((element) => element.props.body)).toEqual([`tick ${ticks}`]);

  // A late tick from the page the user left names the old fragment, but the URL is the new page's.
  await at.navigate("/other").runFragment("page-clock");
  expect(ticks).toBe(before + 1);
  expect(at.get("heading").map((heading) => heading.props.body)).toEqual(["Other"]);
  expect(at.get("markdown")).toEqual([]);
});

const reasonBox = fragment("reason-box", (st) => void st.write(`reason: ${st.textInput("Why?") || "none"}`));
const withBox = page((st) => reasonBox(st), { title: "With box" });
const plain = page(() => {}, { title: "Plain" });

test("a fragment's widgets on a page of a multipage app answer their first change", async () => {
  const at = await AppTest.fromApp(defineApp(async (st) => st.navigation([withBox, plain]).run(st))).run();
  await at.textInput("Why?").setValue("speed").run();
  expect(at.get("markdown").map((element) => element.props.body)).toEqual(["reason: speed"]);
  expect(at.refused).toEqual([]);
});
