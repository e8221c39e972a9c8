import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";
import buttonRowsSection from "../../../examples/hello/sections/inputs-b.ts";

const reasons = (at: AppTest) =>
  at.refused.map((r) => r.message.replace(/^Refused a value for this \w+: /, ""));

test("pills and segmented controls return one option or null, or with multi a list", async () => {
  const app = defineApp((st) => {
    st.json({
      pill: st.pills("Pill", ["a", "b", "c"]),
      chosen: st.pills("Chosen", [{ id: 1 }, { id: 2 }], {
        default: { id: 2 },
        formatFunc: (o) => `#${o.id}`,
      }),
      many: st.pills("Many", ["x", "y", "z"], { selectionMode: "multi", default: ["z"] }),
      segment: st.segmentedControl("Segment", ["Map", "Table"], { default: "Map" }),
      segments: st.segmentedControl("Segments", [1, 2, 3], { selectionMode: "multi" }),
    });
  });
  const at = await AppTest.fromApp(app).run();
  expect(at.get("json")[0]!.props.body).toEqual({
    pill: null,
    chosen: { id: 2 },
    many: ["z"],
    segment: "Map",
    segments: [],
  });
  expect(at.pills("Chosen").props).toMatchObject({ options: ["#1", "#2"], indices: [1] });
  expect(at.pills("Chosen").props.multi).toBeUndefined();
  expect(at.pills("Many").props).toMatchObject({
    options: ["x", "y", "z"],
    indices: [2],
    multi: true,
  });

  await at
    .pills("Pill")
    .setValue("b")
    .pills("Chosen")
    .setValue(null)
    .pills("Many")
    .setValue(["y", "x"])
    .segmentedControl("Segment")
    .setValue("Table")
    .segmentedControl("Segments")
    .setValue(["3"])
    .run();
  expect(at.refused).toEqual([]);
  expect(at.get("json")[0]!.props.body).toEqual({
    pill: "b",
    chosen: null,
    many: ["y", "x"],
    segment: "Table",
    segments: [3],
  });
  expect(at.pills("Many").props.indices).toEqual([1, 0]);
  expect(at.segmentedControl("Segment").props.indices).toEqual([1]);
  expect(at.pills("Chosen").props.indices).toEqual([]);
});

test("feedback returns the chosen rating or null", async () => {
  const app = defineApp((st) => {
    st.json({ thumbs: st.feedback(), faces: st.feedback("faces"), stars: st.feedback("stars") });
  });
  const at = await AppTest.fromApp(app).run();
  expect(at.get("json")[0]!.props.body).toEqual({ thumbs: null, faces: null, stars: null });
  expect(at.feedback("stars").props).toMatchObject({ scale: "stars", index: null });

  await at
    .feedback("thumbs")
    .setValue(1)
    .feedback("faces")
    .setValue(0)
    .feedback("stars")
    .setValue(4)
    .run();
  expect(at.get("json")[0]!.props.body).toEqual({ thumbs: 1, faces: 0, stars: 4 });
  expect(at.feedback("stars").props.index).toBe(4);

  // Clicking the chosen rating again sends null: the rating is cleared.
  await at.feedback("stars").setValue(null).run();
  expect(at.get("json")[0]!.props.body).toEqual({ thumbs: 1, faces: 0, stars: null });
});

test("values the widgets cannot hold are refused, and the stored session is untouched", async () => {
  const app = defineApp((st) => {
    st.json({
      one: st.pills("One", ["a", "b"], { default: "a" }),
      many: st.pills("Many", ["x", "y"], { selectionMode: "multi", default: ["x"] }),
      segment: st.segmentedControl("Segment", ["p", "q"], { default: "q" }),
      thumbs: st.feedback("thumbs"),
      stars: st.feedback("stars"),
    });
  });
  const at = await AppTest.fromApp(app).run();
  await at.feedback("thumbs").setValue(0).run();
  const before = structuredClone((await at.record()).widgets);

  await at
    .sendChange(at.pills("One").id, 2)
    .sendChange(at.pills("One").id, [0])
    .sendChange(at.pills("Many").id, [0, 0])
    .sendChange(at.pills("Many").id, 1)
    .sendChange(at.segmentedControl("Segment").id, "p")
    .sendChange(at.feedback("thumbs").id, 2)
    .sendChange(at.feedback("stars").id, 1.5)
    .sendChange(at.feedback("stars").id, "up")
    .run();
  expect(reasons(at)).toEqual([
    "expected an option number from 0 to 1, got 2.",
    "expected an option number from 0 to 1, got [0].",
    "an option was chosen twice.",
    "expected a list of option numbers from 0 to 1, got 1.",
    'expected an option number from 0 to 1, got "p".',
    "expected an option number from 0 to 1, got 2.",
    "expected an option number from 0 to 4, got 1.5.",
    'expected an option number from 0 to 4, got "up".',
  ]);
  expect((await at.record()).widgets).toEqual(before);
  expect(at.get("json")[0]!.props.body).toEqual({
    one: "a",
    many: ["x"],
    segment: "q",
    thumbs: 0,
    stars: null,
  });
});

test("changing the options resets pills to their default; a key keeps a value the new options still hold", async () => {
  const app = defineApp((st) => {
    const wide = st.checkbox("Wide");
    const options = wide ? ["a", "b", "c", "d"] : ["a", "b", "c"];
    st.json({
      plain: st.pills("Plain", options, { default: "a" }),
      keyed: st.pills("Keyed", options, { key: "keyed" }),
      gone: st.pills("Gone", wide ? ["x", "y"] : ["x", "z"], { key: "gone" }),
    });
  });
  const at = await AppTest.fromApp(app).run();
  await at
    .pills("Plain")
    .setValue("c")
    .pills("Keyed")
    .setValue("b")
    .pills("Gone")
    .setValue("z")
    .run();
  expect(at.get("json")[0]!.props.body).toEqual({ plain: "c", keyed: "b", gone: "z" });
  expect(await at.session()).toMatchObject({ keyed: "b", gone: "z" });

  await at.checkbox("Wide").setValue(true).run();
  expect(at.get("json")[0]!.props.body).toEqual({ plain: "a", keyed: "b", gone: null });
});

test("onChange runs before the rerun, and help and disabled reach the page", async () => {
  const app = defineApp((st) => {
    st.session.changes ??= 0;
    st.pills("Tags", ["a", "b"], {
      selectionMode: "multi",
      help: "Pick any",
      disabled: true,
      onChange: () => st.session.changes++,
    });
    st.feedback("faces", { key: "mood", disabled: true, onChange: () => st.session.changes++ });
    st.metric("Changes", st.session.changes);
  });
  const at = await AppTest.fromApp(app).run();
  expect(at.pills("Tags").props).toMatchObject({ label: "Tags", help: "Pick any", disabled: true });
  expect(at.feedback({ key: "mood" }).props).toMatchObject({ scale: "faces", disabled: true });
  await at.pills("Tags").setValue(["b"]).feedback({ key: "mood" }).setValue(3).run();
  expect(at.get("metric")[0]!.props.value).toBe("2");
  expect(await at.session()).toMatchObject({ mood: 3 });
});

test("wrong use of the button rows is a clear error in the page", async () => {
  const errorOf = async (script: Parameters<typeof defineApp>[0]) =>
    (await AppTest.fromApp(defineApp(script)).run()).exceptions[0]?.props.message;
  // @ts-expect-error: not a selection mode
  expect(await errorOf((st) => void st.pills("P", ["a"], { selectionMode: "many" }))).toBe(
    'pills "P": selectionMode must be "single" or "multi", got "many".',
  );
  expect(await errorOf((st) => void st.pills("P", ["a"], { default: "z" }))).toBe(
    'The default value of pills "P" is invalid: "z" is not one of the options.',
  );
  expect(
    await errorOf(
      (st) => void st.segmentedControl("S", ["a"], { selectionMode: "multi", default: ["a", "q"] }),
    ),
  ).toBe('The default value of segmentedControl "S" is invalid: "q" is not one of the options.');
  // @ts-expect-error: not a scale
  expect(await errorOf((st) => void st.feedback("hearts"))).toBe(
    'feedback takes "thumbs", "faces" or "stars", got "hearts".',
  );
  expect(await errorOf((st) => void (st.feedback(), st.feedback()))).toBe(
    'There are two feedback widgets labelled "thumbs" with the same options, so they have the same id. Give each a unique key, e.g. st.feedback("thumbs", { key: "thumbs-2" }).',
  );
});

test("a link button carries its URL and look, and keeps no widget state", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.linkButton("Docs", "https://example.com/docs", {
        type: "primary",
        icon: "📖",
        help: "Opens a new tab",
        useContainerWidth: true,
      });
      st.linkButton("Here", "/page?x=1", { disabled: true });
      st.linkButton("Up", "../other");
      st.linkButton("Search", new URL("https://example.com/?q=edge lit"));
    }),
  ).run();
  expect(at.get("linkButton").map((e) => e.props)).toEqual([
    {
      label: "Docs",
      url: "https://example.com/docs",
      variant: "primary",
      icon: "📖",
      help: "Opens a new tab",
      fullWidth: true,
    },
    { label: "Here", url: "/page?x=1", variant: "secondary", disabled: true },
    { label: "Up", url: "../other", variant: "secondary" },
    { label: "Search", url: "https://example.com/?q=edge%20lit", variant: "secondary" },
  ]);
  expect((await at.record()).widgets).toEqual({});
});

test("a link button refuses URLs that are not http(s), mailto:, tel: or relative", async () => {
  const errorOf = async (url: string | URL) =>
    (await AppTest.fromApp(defineApp((st) => void st.linkButton("Go", url))).run()).exceptions[0]
      ?.props;
  expect(await errorOf("javascript:alert(1)")).toMatchObject({
    name: "EdgelitApiError",
    message:
      'linkButton "Go": only http(s), mailto:, tel: and relative URLs can be opened, not javascript: URLs.',
  });
  expect((await errorOf(" JaVa\tScRiPt:alert(1)"))?.message).toBe(
    'linkButton "Go": only http(s), mailto:, tel: and relative URLs can be opened, not javascript: URLs.',
  );
  expect((await errorOf("data:text/html,<b>hi</b>"))?.message).toBe(
    'linkButton "Go": only http(s), mailto:, tel: and relative URLs can be opened, not data: URLs.',
  );
  expect((await errorOf("  "))?.message).toBe('linkButton "Go": expected a URL, got "  ".');
  expect((await errorOf(new URL("javascript:void(0)")))?.message).toBe(
    'linkButton "Go": only http(s), mailto:, tel: and relative URLs can be opened, not javascript: URLs.',
  );
  // @ts-expect-error: not a URL
  expect((await errorOf(undefined))?.message).toBe(
    'linkButton "Go": expected a URL, got undefined.',
  );
  expect((await errorOf("http://[oops"))?.message).toBe(
    'linkButton "Go": "http://[oops" is not a valid URL.',
  );
  expect(await errorOf("mailto:team@example.com")).toBeUndefined();
  expect(await errorOf("tel:+4712345678")).toBeUndefined();
});

test("the hello tour's section draws every button row, and its Balloons button sends balloons up", async () => {
  const at = await AppTest.fromApp(defineApp((st) => buttonRowsSection(st))).run();
  expect(at.exceptions).toEqual([]);
  expect(at.pills("Mood").props.options).toEqual(["Calm", "Busy", "Festive"]);
  expect(at.segmentedControl("View").props.indices).toEqual([1]);
  expect(at.get("linkButton")).toHaveLength(1);
  await at
    .pills("Mood")
    .setValue("Busy")
    .feedback("stars")
    .setValue(2)
    .button("Balloons")
    .click()
    .run();
  expect(at.get("json")[0]!.props.body).toMatchObject({ mood: "Busy", rating: "3 stars" });
  expect(at.get("balloons")).toHaveLength(1);
});
