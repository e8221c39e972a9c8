import { expect, test } from "vitest";
import * as edgelit from "../../src/index.ts";
import * as testing from "../../src/testing/index.ts";

test("the public API changes only on purpose", () => {
  expect(Object.keys(edgelit).sort()).toEqual([
    "EdgelitApiError",
    "cacheData",
    "cacheResource",
    "clearSharedCache",
    "component",
    "declareComponent",
    "defineApp",
    "defineConfig",
    "dialog",
    "fragment",
    "page",
    "toArrowTable",
  ]);
  expect(Object.keys(testing).sort()).toEqual(["AppTest", "WidgetHandle"]);
});

test("st offers every element of the first release", async () => {
  const { AppTest } = testing;
  let names: string[] = [];
  await AppTest.fromApp(edgelit.defineApp((st) => void (names = namesOf(st)))).run();
  expect(names).toEqual([
    "areaChart",
    "audio",
    "audioInput",
    "badge",
    "balloons",
    "barChart",
    "bottom",
    "button",
    "cameraInput",
    "caption",
    "chatInput",
    "chatMessage",
    "checkbox",
    "code",
    "colorPicker",
    "columnConfig",
    "columns",
    "components",
    "container",
    "context",
    "dataEditor",
    "dataframe",
    "dateInput",
    "datetimeInput",
    "divider",
    "downloadButton",
    "echartsChart",
    "empty",
    "error",
    "exception",
    "expander",
    "feedback",
    "fileUploader",
    "form",
    "formSubmitButton",
    "graphvizChart",
    "header",
    "html",
    "iframe",
    "image",
    "info",
    "json",
    "latex",
    "lineChart",
    "linkButton",
    "login",
    "logo",
    "logout",
    "map",
    "markdown",
    "metric",
    "multiselect",
    "navigation",
    "numberInput",
    "pageLink",
    "pdf",
    "pills",
    "plotlyChart",
    "popover",
    "progress",
    "queryParams",
    "radio",
    "rerun",
    "scatterChart",
    "secrets",
    "segmentedControl",
    "selectSlider",
    "selectbox",
    "session",
    "setPageConfig",
    "sidebar",
    "slider",
    "snow",
    "spinner",
    "status",
    "stop",
    "subheader",
    "success",
    "switchPage",
    "table",
    "tabs",
    "text",
    "textArea",
    "textInput",
    "timeInput",
    "title",
    "toast",
    "toggle",
    "user",
    "vegaLiteChart",
    "video",
    "warning",
    "write",
    "writeStream",
  ]);
});

/** Every public name an object answers to, its prototype's methods included. */
function namesOf(value: object): string[] {
  const names = new Set<string>();
  for (let level = value; level !== Object.prototype; level = Object.getPrototypeOf(level)) {
    for (const name of Object.keys(level)) names.add(name);
  }
  return [...names].sort();
}
