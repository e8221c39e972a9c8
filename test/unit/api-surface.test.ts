import { expect, test } from "vitest";
import * as edgelit from "../../src/index.ts";
import * as testing from "../../src/testing/index.ts";

test("the public API changes only on purpose", () => {
  expect(Object.keys(edgelit).sort()).toEqual(["EdgelitApiError", "cacheData", "cacheResource", "clearSharedCache", "defineApp"]);
  expect(Object.keys(testing).sort()).toEqual(["AppTest", "WidgetHandle"]);
});

test("st offers every element of the first release", async () => {
  const { AppTest } = testing;
  let names: string[] = [];
  await AppTest.fromApp(edgelit.defineApp((st) => void (names = namesOf(st)))).run();
  expect(names).toEqual([
    "audio", "audioInput", "button", "cameraInput", "caption", "checkbox", "code", "columns", "container", "divider",
    "downloadButton", "error", "exception", "expander", "fileUploader", "header", "image", "info", "json", "logo",
    "markdown", "metric", "multiselect", "numberInput", "pdf", "radio", "rerun", "selectbox", "session", "sidebar",
    "slider", "stop", "subheader", "success", "text", "textArea", "textInput", "title", "toggle", "video", "warning",
    "write",
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
