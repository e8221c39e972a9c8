import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/e2e/fixtures/pickers-app.ts" });

test("the select slider, one stop or a range, shows the option and the app sees it", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await page.getByText("Size: M", { exact: true }).waitFor();
  const size = page.getByLabel("T-shirt size");
  expect(await size.getAttribute("aria-valuetext")).toBe("M");

  await size.fill("4");
  await page.getByText("Size: XL", { exact: true }).waitFor();
  expect(await size.getAttribute("aria-valuetext")).toBe("XL");
  expect(await page.locator(".select-slider .readout").first().textContent()).toBe("XL");

  await page.getByLabel("Opening months to", { exact: true }).fill("11");
  await page.getByText("Open from Mar to Dec", { exact: true }).waitFor();
  // The high thumb may not pass the low one: it stops at Mar.
  await page.getByLabel("Opening months to", { exact: true }).fill("1");
  await page.getByText("Open from Mar to Mar", { exact: true }).waitFor();
  await page.getByLabel("Opening months from", { exact: true }).fill("0");
  await page.getByText("Open from Jan to Mar", { exact: true }).waitFor();
  expect(page.errors).toEqual([]);
});

test("a date is written once, in the app's format: typed there, sent as ISO; a date past max is refused and the field goes back", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await page.getByText("Delivery: 2026-12-01 at 09:00", { exact: true }).waitFor();
  const day = page.getByLabel("Delivery day");
  expect(await day.inputValue()).toBe("01.12.2026");
  // One place shows the date: no second copy of it beside the label.
  expect(await page.locator(".date-input .readout").count()).toBe(0);

  await day.fill("15.1.2027");
  await day.press("Enter");
  await page.getByText("Delivery: 2027-01-15 at 09:00", { exact: true }).waitFor();
  expect(await day.inputValue()).toBe("15.01.2027");

  // Text that is no date in the app's format goes back to the date held.
  await day.fill("2027-01-32");
  await day.press("Enter");
  expect(await day.inputValue()).toBe("15.01.2027");

  await page.getByLabel("Delivery time").fill("14:30");
  await page.getByText("Delivery: 2027-01-15 at 14:30", { exact: true }).waitFor();

  await day.fill("01.01.2030");
  await day.press("Enter");
  await page
    .getByText(
      "Refused a value for this dateInput: 2030-01-01 is after the latest date 2027-06-30.",
    )
    .waitFor();
  await expect.poll(() => day.inputValue()).toBe("15.01.2027");
  expect(await page.getByText("Delivery: 2027-01-15 at 14:30", { exact: true }).isVisible()).toBe(
    true,
  );

  // The calendar button opens the browser's own date picker, bounded by min and max.
  const calendar = page.locator(".el-dateInput .date-field-calendar").first();
  expect([await calendar.getAttribute("min"), await calendar.getAttribute("max")]).toEqual([
    "2026-11-01",
    "2027-06-30",
  ]);
  await page.getByRole("button", { name: "Choose a date" }).first().click();
  await page.keyboard.press("Escape"); // closes the browser's picker; picking is done below
  // A date picked there is sent like a typed one.
  await calendar.evaluate((input: HTMLInputElement) => {
    input.value = "2027-02-03";
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await page.getByText("Delivery: 2027-02-03 at 14:30", { exact: true }).waitFor();
  expect(await day.inputValue()).toBe("03.02.2027");

  // With a step under a minute the app sees seconds, even the ":00" the browser leaves out.
  await page.getByLabel("Lap time").fill("00:02:00");
  await page.getByText("Lap: 00:02:00", { exact: true }).waitFor();
  await page.getByLabel("Lap time").fill("00:02:07");
  await page.getByText("Lap: 00:02:07", { exact: true }).waitFor();

  // A range's end typed before its start is held at the start.
  const end = page.getByLabel("Stay end", { exact: true });
  await end.fill("2026/12/31");
  await end.press("Enter");
  await page.getByText("Stay: 2026-12-20 to 2026-12-31", { exact: true }).waitFor();
  await end.fill("2026/12/01");
  await end.press("Enter");
  await page.getByText("Stay: 2026-12-20 to 2026-12-20", { exact: true }).waitFor();
  expect(await end.inputValue()).toBe("2026/12/20");
  expect(page.errors).toEqual([]);
});

test('the date and time field sends "YYYY-MM-DDTHH:MM"; one past max is refused and the field goes back', async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await page.getByText("Pickup: 2026-12-01T10:00", { exact: true }).waitFor();
  const pickup = page.getByLabel("Pickup", { exact: true });
  const time = page.getByLabel("Pickup time");
  expect([
    await pickup.inputValue(),
    await time.inputValue(),
    await time.getAttribute("step"),
  ]).toEqual(["01.12.2026", "10:00", "1800"]);

  await pickup.fill("15.01.2027");
  await pickup.press("Enter");
  await page.getByText("Pickup: 2027-01-15T10:00", { exact: true }).waitFor();
  await time.fill("14:30");
  await page.getByText("Pickup: 2027-01-15T14:30", { exact: true }).waitFor();

  await pickup.fill("01.01.2030");
  await pickup.press("Enter");
  await page
    .getByText(
      "Refused a value for this datetimeInput: 2030-01-01T14:30 is after the latest 2027-06-30T18:00.",
    )
    .waitFor();
  await expect.poll(() => pickup.inputValue()).toBe("15.01.2027");
  expect(await page.getByText("Pickup: 2027-01-15T14:30", { exact: true }).isVisible()).toBe(true);
  expect(page.errors).toEqual([]);
});

test("the colour picker sends lowercase hex and shows it beside the swatch", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await page.getByText("Ribbon: #ff4b4b", { exact: true }).waitFor();
  const ribbon = page.getByLabel("Ribbon colour");
  await ribbon.fill("#00ff7f");
  await page.getByText("Ribbon: #00ff7f", { exact: true }).waitFor();
  expect(await page.locator(".color-hex").textContent()).toBe("#00ff7f");
  expect(page.errors).toEqual([]);
});
