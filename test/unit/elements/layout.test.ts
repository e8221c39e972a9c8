import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

test("columns, containers and expanders nest elements, each with the whole API", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      const [left, right] = st.columns([2, 1], { gap: "large" });
      left.write("left");
      right.expander("More", { expanded: true }).checkbox("Inside");
      st.container({ border: true }).text("boxed");
      st.sidebar.header("Side");
    }),
  ).run();
  expect(at.elements.map((e) => [e.kind, e.path.join(".")])).toEqual([
    ["columns", "0.0"],
    ["column", "0.0.0"],
    ["markdown", "0.0.0.0"],
    ["column", "0.0.1"],
    ["expander", "0.0.1.0"],
    ["checkbox", "0.0.1.0.0"],
    ["container", "0.1"],
    ["text", "0.1.0"],
    ["heading", "1.0"],
  ]);
  expect(at.get("columns")[0]!.props).toEqual({ widths: [2, 1], gap: "large" });
  expect(at.get("expander")[0]!.props).toEqual({ label: "More", expanded: true });
});

test("elements a run no longer draws disappear from the page", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      if (st.checkbox("More")) {
        const [a, b] = st.columns(2);
        a.write("a");
        b.write("b");
      }
      st.write("end");
    }),
  ).run();
  await at.checkbox("More").setValue(true).run();
  expect(at.elements.map((e) => e.kind)).toEqual([
    "checkbox",
    "columns",
    "column",
    "markdown",
    "column",
    "markdown",
    "markdown",
  ]);
  await at.checkbox("More").setValue(false).run();
  expect(at.elements.map((e) => e.kind)).toEqual(["checkbox", "markdown"]);
  expect(at.get("markdown")[0]!.props.body).toBe("end");
});

test("bad column specs are reported in the page", async () => {
  const at = await AppTest.fromApp(defineApp((st) => void st.columns([1, 0]))).run();
  expect(at.exceptions[0]!.props.message).toMatch(
    /st\.columns needs 1 to 24 columns of positive width/,
  );
});

test("tabs give one container per label, each with the whole API", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      const [chart, data] = st.tabs(["Chart", "Data"]);
      chart.write("a chart");
      data.json({ rows: 2 });
      data.checkbox("Raw");
    }),
  ).run();
  expect(at.elements.map((e) => [e.kind, e.path.join(".")])).toEqual([
    ["tabs", "0.0"],
    ["tab", "0.0.0"],
    ["markdown", "0.0.0.0"],
    ["tab", "0.0.1"],
    ["json", "0.0.1.0"],
    ["checkbox", "0.0.1.1"],
  ]);
  expect(at.get("tabs")[0]!.props).toEqual({ labels: ["Chart", "Data"] });
  const empty = await AppTest.fromApp(defineApp((st) => void st.tabs([]))).run();
  expect(empty.exceptions[0]!.props.message).toMatch(/st\.tabs needs at least one non-empty label/);
});
