import { expect, test } from "vitest";
import {
  EdgelitApiError,
  defineApp,
  page,
  type AppOptions,
  type PageConfigOptions,
} from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

/** The EdgelitApiError's message a call throws. */
function refusal(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(EdgelitApiError);
    return (error as Error).message;
  }
  throw new Error("the call was accepted");
}

test("defineApp and page() check the page options, naming the one that is wrong", () => {
  const app = (options: unknown) => () => defineApp(() => {}, options as AppOptions);
  expect(refusal(app({ layout: "full" }))).toBe(
    'defineApp: layout must be "centered" or "wide"; got "full".',
  );
  expect(refusal(app({ initialSidebarState: "open" }))).toBe(
    'defineApp: initialSidebarState must be "auto", "expanded" or "collapsed"; got "open".',
  );
  expect(refusal(app({ icon: "not an icon" }))).toMatch(
    /^defineApp's icon must be one emoji, ":material\/icon_name:", or an image URL/,
  );
  expect(refusal(app({ icon: ":material/no_such_icon:" }))).toMatch(/^defineApp's icon must be/);
  expect(refusal(app({ icon: 'https://x.test/a"onload=1' }))).toMatch(/without spaces, quotes/);
  expect(refusal(app({ icon: "data:text/html,hi" }))).toMatch(/^defineApp's icon must be/);
  expect(refusal(app({ icon: "data:image/bmp,x" }))).toMatch(/a data: URL must be a PNG/);
  expect(refusal(() => page(() => {}, { title: "A", layout: "big" as "wide" }))).toBe(
    'page(): layout must be "centered" or "wide"; got "big".',
  );
  for (const icon of ["🔥", ":material/rocket_launch:", "https://x.test/i.png", "/favicon.png"])
    expect(() => defineApp(() => {}, { icon, layout: "wide" })).not.toThrow();
});

test("st.setPageConfig: later calls win option by option, over the page's and the app's options", async () => {
  const app = defineApp(
    (st) => {
      st.setPageConfig({ pageTitle: "First", layout: "wide" });
      st.title("Report");
      st.setPageConfig({ pageTitle: "Second", pageIcon: "📈" });
    },
    { title: "App", icon: "🏠", initialSidebarState: "collapsed" },
  );
  const at = await AppTest.fromApp(app).run();
  expect(at.pageConfig).toEqual({
    title: "Second",
    icon: "📈",
    layout: "wide",
    initialSidebarState: "collapsed",
  });
  // Both calls make one element, redrawn in place: the page holds one config.
  expect(at.get("pageConfig").map((element) => element.props)).toEqual([
    { title: "Second", icon: "📈", layout: "wide" },
  ]);
  expect(at.get("heading").map((heading) => heading.props.body)).toEqual(["Report"]);
});

test("a run that stops calling st.setPageConfig gives the page back to the app's options", async () => {
  const app = defineApp(
    (st) => {
      if (st.toggle("Wide")) st.setPageConfig({ layout: "wide", pageTitle: "Wide view" });
    },
    { title: "Plain" },
  );
  const at = await AppTest.fromApp(app).run();
  expect(at.pageConfig).toEqual({
    title: "Plain",
    layout: "centered",
    initialSidebarState: "auto",
  });
  await at.toggle("Wide").setValue(true).run();
  expect(at.pageConfig).toMatchObject({ title: "Wide view", layout: "wide" });
  await at.toggle("Wide").setValue(false).run();
  expect(at.pageConfig).toEqual({
    title: "Plain",
    layout: "centered",
    initialSidebarState: "auto",
  });
});

test("a page's own options apply while it shows: its title, icon, layout and sidebar state", async () => {
  const home = page((st) => void st.title("Home"), { title: "Home", icon: "🏠" });
  const charts = page((st) => void st.title("Charts"), {
    title: "Charts",
    icon: ":material/bar_chart:",
    layout: "wide",
    initialSidebarState: "collapsed",
  });
  const app = defineApp(async (st) => await st.navigation([home, charts]).run(st), {
    title: "Shop",
    icon: "🛒",
  });
  const at = await AppTest.fromApp(app).run();
  expect(at.pageConfig).toEqual({
    title: "Home · Shop",
    icon: "🏠",
    layout: "centered",
    initialSidebarState: "auto",
  });
  await at.navigate("/charts").run();
  expect(at.pageConfig).toEqual({
    title: "Charts · Shop",
    icon: ":material/bar_chart:",
    layout: "wide",
    initialSidebarState: "collapsed",
  });
});

test("st.setPageConfig refuses bad values with an error naming the option", async () => {
  const refused = async (options: unknown) => {
    const at = await AppTest.fromApp((st) => st.setPageConfig(options as PageConfigOptions)).run();
    return at.exceptions.map((exception) => exception.props.message);
  };
  expect(await refused({ layout: "full" })).toEqual([
    'st.setPageConfig: layout must be "centered" or "wide"; got "full".',
  ]);
  expect(await refused({ initialSidebarState: true })).toEqual([
    'st.setPageConfig: initialSidebarState must be "auto", "expanded" or "collapsed"; got true.',
  ]);
  expect(await refused({ pageTitle: 3 })).toEqual([
    "st.setPageConfig: pageTitle must be a string; got 3.",
  ]);
  expect((await refused({ pageIcon: "nope" }))[0]).toMatch(/^st\.setPageConfig's pageIcon must be/);
  expect((await refused({ page_title: "Snake" }))[0]).toBe(
    'st.setPageConfig has no option "page_title"; it takes pageTitle, pageIcon, layout and initialSidebarState.',
  );
});
