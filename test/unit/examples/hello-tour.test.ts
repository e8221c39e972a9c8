import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, test } from "vitest";
import app from "../../../examples/hello/app.ts";
import { elementApiPrototype } from "../../../src/elements/element-api.ts";
import type { ElementKind } from "../../../src/protocol/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

/**
 * Every element kind of src/protocol/elements.ts. The type makes a kind added
 * there (or removed) fail the type check here, so the tour must show it too.
 */
const EVERY_KIND = {
  heading: true,
  markdown: true,
  caption: true,
  text: true,
  code: true,
  latex: true,
  html: true,
  badge: true,
  divider: true,
  json: true,
  metric: true,
  alert: true,
  exception: true,
  progress: true,
  spinner: true,
  toast: true,
  balloons: true,
  snow: true,
  empty: true,
  button: true,
  checkbox: true,
  toggle: true,
  slider: true,
  textInput: true,
  textArea: true,
  numberInput: true,
  selectbox: true,
  radio: true,
  multiselect: true,
  selectSlider: true,
  dateInput: true,
  timeInput: true,
  datetimeInput: true,
  colorPicker: true,
  downloadButton: true,
  fileUploader: true,
  cameraInput: true,
  audioInput: true,
  chatInput: true,
  formSubmitButton: true,
  pills: true,
  segmentedControl: true,
  feedback: true,
  linkButton: true,
  image: true,
  audio: true,
  video: true,
  pdf: true,
  iframe: true,
  component: true,
  inlineComponent: true,
  componentTrigger: true,
  logo: true,
  table: true,
  dataframe: true,
  dataEditor: true,
  vegaLiteChart: true,
  plotlyChart: true,
  echartsChart: true,
  graphvizChart: true,
  map: true,
  navigation: true,
  pageLink: true,
  pageConfig: true,
  columns: true,
  column: true,
  tabs: true,
  tab: true,
  container: true,
  expander: true,
  popover: true,
  status: true,
  chatMessage: true,
  form: true,
  fragment: true,
  dialog: true,
} satisfies Record<ElementKind, true>;

/** `st`'s own members, beside the container methods every block has. */
const ST_ONLY = [
  "sidebar",
  "bottom",
  "session",
  "navigation",
  "switchPage",
  "queryParams",
  "setPageConfig",
  "rerun",
  "stop",
];
/** The functions an app imports from edgelit to structure itself and cache. */
const APP_FUNCTIONS = ["defineApp", "page", "fragment", "dialog", "cacheData"];

const TOUR_DIR = resolve(import.meta.dirname, "../../../examples/hello");

/** The tour's pages as its menu lists them: title and href. */
async function tourPages(): Promise<{ title: string; href: string }[]> {
  const at = await AppTest.fromApp(app).run();
  return at
    .get("navigation")[0]!
    .props.sections.flatMap((section) => section.pages.map(({ title, href }) => ({ title, href })));
}

/** The kinds of every element the last run sent (including those it later replaced, like a finished spinner). */
const sentKinds = (at: AppTest) =>
  at.messages.flatMap((message) => (message.type === "element" ? [message.kind] : []));
const mainHeadings = (at: AppTest) =>
  at
    .get("heading")
    .filter((h) => h.path[0] === 0)
    .map((h) => h.props.body);
const bodies = (at: AppTest, kind: "markdown" | "alert") => at.get(kind).map((e) => e.props.body);

test("every page of the tour runs without an exception, under a heading that is its menu title", async () => {
  const pages = await tourPages();
  expect(pages.map((p) => p.title)).toEqual([
    "Welcome",
    "Text",
    "Widgets",
    "Layout",
    "Data",
    "Charts",
    "Media and uploads",
    "Status and chat",
    "Forms",
    "Fragments and dialogs",
    "Pages and URLs",
    "Theming",
    "State",
  ]);
  for (const { title, href } of pages) {
    const at = await AppTest.fromApp(app, { url: href }).run();
    expect(at.exceptions, href).toEqual([]);
    expect(at.refused, href).toEqual([]);
    expect(mainHeadings(at)[0], href).toBe(title === "Welcome" ? "Hello, edgelit" : title);
    expect(at.get("logo"), href).toHaveLength(1);
  }
});

test("the welcome page is light and links to every other page", async () => {
  const pages = await tourPages();
  const at = await AppTest.fromApp(app).run();
  expect(at.get("pageLink").map((link) => link.props.href)).toEqual(
    pages.slice(1).map((p) => p.href),
  );
  const widgets = at.elements.filter((e) => "id" in (e.props as object));
  expect(widgets).toEqual([]);
  expect(at.elements.length).toBeLessThan(20);
});

test("the tour draws every element kind, some of them when the user acts", async () => {
  const drawn = new Set<string>();
  const open = async (href: string) => {
    const at = await AppTest.fromApp(app, { url: href }).run();
    sentKinds(at).forEach((kind) => drawn.add(kind));
    return at;
  };
  const act = async (at: AppTest) => {
    await at.run();
    sentKinds(at).forEach((kind) => drawn.add(kind));
    return at;
  };
  for (const { href } of await tourPages()) await open(href);

  const widgets = await open("/widgets");
  await act(widgets.button("Balloons").click());
  expect(widgets.get("balloons")).toHaveLength(1);
  await act(widgets.button("Snow").click());
  expect(widgets.get("snow")).toHaveLength(1);
  expect(widgets.exceptions).toEqual([]);

  const status = await open("/status");
  await act(status.button("Run a slow task").click());
  expect(status.get("status")[0]!.props).toMatchObject({
    label: "All three steps done",
    state: "complete",
  });
  expect(status.get("progress").at(-1)!.props).toMatchObject({ value: 100, text: "Step 3 of 3" });
  expect(status.get("toast")[0]!.props.body).toBe("The task is done");
  expect(sentKinds(status)).toContain("spinner");
  await act(status.button("Count down").click());
  expect(bodies(status, "alert")).toEqual([
    "Lift-off! One element, replaced in place by each call.",
  ]);
  await act(status.button("Show an exception").click());
  expect(status.exceptions.map((e) => e.props.name)).toEqual(["SyntaxError"]);
  await act(status.chatInput("Say something").setValue("hi"));
  expect(status.exceptions).toEqual([]);
  expect(status.get("chatMessage").map((m) => m.props.name)).toEqual([
    "assistant",
    "user",
    "assistant",
  ]);
  expect(bodies(status, "markdown").at(-1)).toMatch(/^You said: hi\. Every word/);

  const media = await open("/media");
  const svg = new TextEncoder().encode(
    '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
  );
  await act(
    await media
      .fileUploader("A picture")
      .upload([{ name: "dot.svg", type: "image/svg+xml", bytes: svg }]),
  );
  await act(
    await media
      .fileUploader("Text files")
      .upload([{ name: "notes.txt", type: "text/plain", text: "one\ntwo\n" }]),
  );
  await act(
    await media
      .fileUploader("A video to play")
      .upload([{ name: "clip.webm", type: "video/webm", bytes: new Uint8Array(64) }]),
  );
  await act(
    await media
      .cameraInput("Take a photo")
      .upload([{ name: "photo.svg", type: "image/svg+xml", bytes: svg }]),
  );
  await act(
    await media
      .audioInput("Record a voice memo")
      .upload([{ name: "memo.webm", type: "audio/webm", bytes: new Uint8Array(64) }]),
  );
  expect(media.refused).toEqual([]);
  expect(media.get("image").map((image) => image.props.items[0]!.caption)).toEqual([
    "6 bars, drawn as SVG by the app",
    "dot.svg · 62 bytes",
    "Your photo",
  ]);
  expect(media.get("video")).toHaveLength(1);
  expect(media.get("audio")).toHaveLength(2);
  expect(bodies(media, "markdown")).toContain("**notes.txt**: 2 lines");

  const fragments = await open("/fragments");
  await act(fragments.button("Vote for edgelit").click());
  expect(fragments.get("dialog")[0]!.props.title).toBe("Cast your vote");
  expect(fragments.exceptions).toEqual([]);

  const missing = Object.keys(EVERY_KIND).filter((kind) => !drawn.has(kind));
  expect(missing).toEqual([]);
});

// A fragment's own run must give its widgets the ids the full run gave them: in a
// multipage app those include the page, which the fragment's state keeps.
test("widgets in the tour's fragments and dialogs answer their first change", async () => {
  const at = await AppTest.fromApp(app, { url: "/fragments" }).run();
  await at.button("Add one").click().run();
  expect(at.get("metric").find((m) => m.props.label === "Clicks")!.props.value).toBe("1");
  await at.button("Vote for edgelit").click().run();
  await at.textInput("Why edgelit?").setValue("speed").run();
  expect(bodies(at, "markdown")).toContain("Because: speed");
  await at.button("Submit vote").click().run();
  expect(at.get("dialog")).toEqual([]);
  expect(bodies(at, "alert")).toEqual(["You voted for edgelit: speed."]);
});

test("the Pages and URLs page writes the query and switches pages", async () => {
  const at = await AppTest.fromApp(app, { url: "/pages" }).run();
  expect(at.get("pageLink")[0]!.props.href).toBe("/pages?greeting=hello");
  await at.button("Write ?greeting=bonjour from the app").click().run();
  expect(at.url).toBe("/pages?greeting=bonjour");
  expect(bodies(at, "markdown")).toContain("The URL says **bonjour**.");
  await at.button("Back to the first page").click().run();
  expect(at.urlChange).toEqual({ url: "/", history: "push" });
  expect(mainHeadings(at)[0]).toBe("Hello, edgelit");
});

test("the State page keeps clicks in the session, caches its slow answer, and st.stop leaves the rest of the page out", async () => {
  const at = await AppTest.fromApp(app, { url: "/state" }).run();
  const answer = () => bodies(at, "markdown").find((body) => body.includes("²"));
  const first = answer();
  expect(first).toMatch(/^12² = 144, computed at /);
  await at.numberInput("A number to square, slowly").setValue(3).run();
  expect(answer()).toMatch(/^3² = 9, computed at /);
  await at.numberInput("A number to square, slowly").setValue(12).run();
  expect(answer()).toBe(first);

  await at.button("Click").click().run();
  await at.button("Click").click().run();
  expect(at.get("metric")[0]!.props.value).toBe("2");
  const lastLine = "The last line of the page: `st.stop()` above would leave it out.";
  expect(bodies(at, "markdown")).toContain(lastLine);
  await at.checkbox("Stop the script here").setValue(true).run();
  expect(bodies(at, "markdown")).not.toContain(lastLine);
  await at.button("Reset").click().run();
  expect(at.get("metric")[0]!.props.value).toBe("0");
});

test("every command of st and of its containers is called somewhere in the tour", () => {
  const containerMethods = Object.keys(elementApiPrototype);
  expect(containerMethods.length).toBeGreaterThan(60);
  const source = (readdirSync(TOUR_DIR, { recursive: true }) as string[])
    .filter((file) => file.endsWith(".ts"))
    .map((file) => readFileSync(join(TOUR_DIR, file), "utf8"))
    .join("\n");
  const uncalled = [
    ...[...containerMethods, ...ST_ONLY].filter(
      (name) => !new RegExp(`\\.${name}\\b`).test(source),
    ),
    ...APP_FUNCTIONS.filter((name) => !new RegExp(`\\b${name}\\(`).test(source)),
  ];
  expect(uncalled).toEqual([]);
});
