import type { Locator, Page } from "playwright-core";
import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/e2e/fixtures/forms-app.ts" });

/** A page of the fixture app, with the bodies of the event requests it sends. */
async function openApp(): Promise<{
  page: Page & { errors: string[] };
  events: { changes: { id: string; value: unknown }[] }[];
}> {
  const page = await fixture.browser.newPage();
  const events: { changes: { id: string; value: unknown }[] }[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/_edgelit/event"))
      events.push(JSON.parse(request.postData() ?? "{}"));
  });
  await page.goto(fixture.server.url);
  await page.getByText("Outside clicks: 0").waitFor();
  return { page, events };
}

test("a form's widgets send nothing as they change; its submit sends them all in one request", async () => {
  const { page, events } = await openApp();
  const before = events.length;

  const name = page.getByRole("textbox", { name: "Name" });
  await name.fill("Ada");
  await name.blur();
  await page.getByRole("slider", { name: "Quantity" }).fill("4");
  await page.getByRole("checkbox", { name: "Gift wrap" }).check();
  await page.getByRole("combobox", { name: "Size" }).click();
  await page.getByRole("option", { name: "L", exact: true }).click();
  // The page shows what the user set, and the app has not seen it.
  expect(await name.inputValue()).toBe("Ada");
  expect(await page.getByRole("checkbox", { name: "Gift wrap" }).isChecked()).toBe(true);
  await page.getByText("Order:  × 1, size S, gift false, placed false").waitFor();

  // A rerun from outside the form keeps what the form holds.
  await page.getByRole("button", { name: "Outside" }).click();
  await page.getByText("Outside clicks: 1").waitFor();
  expect(await name.inputValue()).toBe("Ada");
  expect(await page.getByRole("slider", { name: "Quantity" }).inputValue()).toBe("4");

  await page.getByRole("button", { name: "Place order" }).click();
  await page.getByText("Order: Ada × 4, size L, gift true, placed true").waitFor();
  // The edits sent nothing: the only requests are the outside click's and the submit's.
  expect(events.length).toBe(before + 2);
  expect(events.at(-1)!.changes).toHaveLength(5);
  expect(events.at(-1)!.changes.at(-1)!.value).toBe(true);
  expect(page.errors).toEqual([]);
  await page.close();
});

test("Enter in a text input of a form submits it", async () => {
  const { page, events } = await openApp();
  const before = events.length;
  await page.getByRole("slider", { name: "Quantity" }).fill("7");
  const name = page.getByRole("textbox", { name: "Name" });
  await name.fill("Grace");
  await name.press("Enter");
  await page.getByText("Order: Grace × 7, size S, gift false, placed true").waitFor();
  expect(events.length).toBe(before + 1);
  expect(page.errors).toEqual([]);
  await page.close();
});

test("Enter that confirms an input method's composition (Japanese, Chinese) does not submit the form", async () => {
  const { page, events } = await openApp();
  const before = events.length;
  const name = page.getByRole("textbox", { name: "Name" });
  await name.fill("Grace");
  // The Enter an IME sends to confirm its candidate: the keydown carries isComposing.
  await name.dispatchEvent("keydown", { key: "Enter", isComposing: true, bubbles: true });
  await page.getByRole("button", { name: "Place order" }).click();
  await page.getByText("Order: Grace × 1, size S, gift false, placed true").waitFor();
  expect(events.length).toBe(before + 1);
  expect(page.errors).toEqual([]);
  await page.close();
});

test("Enter in a date input of a form submits it", async () => {
  const { page, events } = await openApp();
  const before = events.length;
  const day = page.getByLabel("Day");
  await day.fill("2026-02-03");
  expect(events.length).toBe(before);
  await day.press("Enter");
  await page.getByText("Booked 2026-02-03").waitFor();
  expect(events.length).toBe(before + 1);
  expect(page.errors).toEqual([]);
  await page.close();
});

test("clearOnSubmit: the submit's run shows what was sent, and the form's widgets return to their defaults", async () => {
  const { page, events } = await openApp();
  const before = events.length;
  const note = page.getByRole("textbox", { name: "Note" });
  const amount = page.getByRole("spinbutton", { name: "Amount" });
  await note.fill("hello");
  await note.blur();
  await amount.fill("9");
  await amount.blur();
  await page.getByRole("button", { name: "Send note" }).click();
  await page.getByText("Sent: hello (9)").waitFor();
  // The fields drop the user's values once the run has settled.
  await valueBecomes(note, "");
  await valueBecomes(amount, "3");
  expect(events.length).toBe(before + 1);

  // The next submit starts from the defaults.
  await page.getByRole("button", { name: "Send note" }).click();
  await page.getByText("Sent:  (3)").waitFor();
  expect(page.errors).toEqual([]);
  await page.close();
});

/** Waits until an input shows `value`. */
async function valueBecomes(input: Locator, value: string): Promise<void> {
  const handle = await input.elementHandle();
  await input
    .page()
    .waitForFunction(([element, expected]) => (element as HTMLInputElement).value === expected, [
      handle,
      value,
    ] as const);
}
