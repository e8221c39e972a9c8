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
