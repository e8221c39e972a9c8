import { expect, test } from "vitest";
import * as edgelit from "../../src/index.ts";
import * as testing from "../../src/testing/index.ts";

test("the public API changes only on purpose", () => {
  expect(Object.keys(edgelit).sort()).toEqual(["EdgelitApiError", "defineApp"]);
  expect(Object.keys(testing).sort()).toEqual(["AppTest", "WidgetHandle"]);
});

test("st offers every element of the first release", async () => {
  const { AppTest } = testing;
  let names: string[] = [];
  await AppTest.fromApp(edgelit.defineApp((st) => void (names = Object.keys(st).sort()))).run();
  expect(names).toEqual([
    "button", "caption", "checkbox", "code", "columns", "container", "divider", "error", "exception", "expander",
    "header", "info", "json", "markdown", "metric", "multiselect", "numberInput", "radio", "rerun", "selectbox",
    "session", "sidebar", "slider", "stop", "subheader", "success", "text", "textArea", "textInput", "title",
    "toggle", "warning", "write",
  ]);
});
