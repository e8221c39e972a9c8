import { expect, test } from "vitest";
import { defineApp, fragment, page } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

let ticks = 0;
const clock = fragment("page-clock", (st) => void st.write(`tick ${++ticks}`), { runEvery: 1 });
const live = page(
  (st) => {
    st.title("Live");
    clock(st);
  },
  { title: "Live" },
);
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

const reasonBox = fragment(
  "reason-box",
  (st) => void st.write(`reason: ${st.textInput("Why?") || "none"}`),
);
const withBox = page((st) => reasonBox(st), { title: "With box" });
const plain = page(() => {}, { title: "Plain" });

test("a fragment's widgets on a page of a multipage app answer their first change", async () => {
  const at = await AppTest.fromApp(
    defineApp(async (st) => st.navigation([withBox, plain]).run(st)),
  ).run();
  await at.textInput("Why?").setValue("speed").run();
  expect(at.get("markdown").map((element) => element.props.body)).toEqual(["reason: speed"]);
  expect(at.refused).toEqual([]);
});

const searchBox = fragment("search-box", (st) => {
  const q = st.textInput("Query", { value: st.queryParams.get("q") ?? "" });
  st.queryParams.q = q;
  st.write(`searching ${q}`);
  if (st.button("Go to other")) st.switchPage(other);
});
const searchPage = page(
  (st) => {
    st.title("Search");
    searchBox(st);
  },
  { title: "Search" },
);
const urlApp = defineApp(async (st) => {
  st.session.fullRuns = (st.session.fullRuns ?? 0) + 1;
  await st.navigation([searchPage, other]).run(st);
});

test("a fragment's st reads and writes the query params, and its page switch reruns the whole app", async () => {
  const at = await AppTest.fromApp(urlApp, { url: "/?q=cats" }).run();
  expect(at.get("markdown").map((element) => element.props.body)).toEqual(["searching cats"]);
  await at.textInput("Query").setValue("dogs").run();
  expect(at.get("markdown").map((element) => element.props.body)).toEqual(["searching dogs"]);
  expect(at.url).toBe("/?q=dogs");
  expect((await at.record()).session.fullRuns).toBe(1);

  await at.button("Go to other").click().run();
  expect(at.url).toBe("/other");
  expect(at.get("heading").map((heading) => heading.props.body)).toEqual(["Other"]);
  expect((await at.record()).session.fullRuns).toBe(2);
});

test("a fragment cannot declare the app's pages or reach the bottom", async () => {
  const declares = fragment("declares-pages", (st) => void st.navigation([other]));
  const reaches = fragment("reaches-bottom", (st) => void st.bottom.write("nope"));
  for (const [body, message] of [
    [declares, /st\.navigation belongs to the app's script/],
    [reaches, /not st\.bottom/],
  ] as const) {
    const at = await AppTest.fromApp(defineApp((st) => body(st))).run();
    expect(at.exceptions[0]!.props.message).toMatch(message);
  }
});
