import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const app = appInBrowser({ app: "test/e2e/fixtures/select-app.ts" });

const optionNames = async (page: import("playwright-core").Page) =>
  (await page.getByRole("option").allTextContents()).slice(0, 50);

test("a select box of 200 options filters as the user types; arrows and Enter pick; the app sees it", async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  const country = page.getByRole("combobox", { name: "Country" });
  await page.getByText("Country: none", { exact: true }).waitFor();
  expect(await country.getAttribute("placeholder")).toBe("Pick a country");

  await country.click();
  expect(await country.getAttribute("aria-expanded")).toBe("true");
  expect(await page.getByRole("option").count()).toBe(200);
  await country.pressSequentially("land");
  // Those starting with it first, then those holding it.
  expect(await optionNames(page)).toEqual([
    "Finland",
    "Iceland",
    "Ireland",
    "Netherlands",
    "Poland",
    "Switzerland",
  ]);
  await country.press("ArrowDown");
  await country.press("ArrowDown");
  const active = await country.getAttribute("aria-activedescendant");
  expect(await page.locator(`[id="${active}"]`).textContent()).toBe("Ireland");
  await country.press("Enter");
  await page.getByText("Country: Ireland", { exact: true }).waitFor();
  expect(await country.inputValue()).toBe("Ireland");
  expect(await country.getAttribute("aria-expanded")).toBe("false");

  // Escape closes the list and keeps the choice; a click on an option picks it.
  await country.click();
  await country.pressSequentially("swe");
  await country.press("Escape");
  expect(await country.inputValue()).toBe("Ireland");
  await country.click();
  await country.pressSequentially("region 17");
  await page.getByRole("option", { name: "Region 170", exact: true }).click();
  await page.getByText("Country: Region 170", { exact: true }).waitFor();
  await country.click();
  await country.pressSequentially("zz");
  expect(await page.getByText("No results").isVisible()).toBe(true);
  expect(page.errors).toEqual([]);
});

test("a multiselect shows its choices as removable chips in the field, and stops at maxSelections", async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  const visited = page.getByRole("combobox", { name: "Visited" });
  await page.getByText("Visited: none", { exact: true }).waitFor();
  for (const [typed, expected] of [
    ["spa", "Spain"],
    ["ita", "Italy"],
    ["norw", "Norway"],
  ] as const) {
    await visited.click();
    await visited.pressSequentially(typed);
    await visited.press("Enter");
    await page.getByText(new RegExp(`Visited: .*${expected}$`)).waitFor();
  }
  await page.getByText("Visited: Spain, Italy, Norway", { exact: true }).waitFor();
  const chips = page.getByRole("list", { name: "Visited: chosen" }).getByRole("listitem");
  expect(await chips.allTextContents()).toEqual(["Spain×", "Italy×", "Norway×"]);
  // Full: the list says so instead of offering more.
  await visited.click();
  expect(await page.getByText("You can choose up to 3 options").isVisible()).toBe(true);
  expect(await page.getByRole("option").count()).toBe(0);
  await visited.press("Escape");

  await page.getByRole("button", { name: "Remove Italy" }).click();
  await page.getByText("Visited: Spain, Norway", { exact: true }).waitFor();
  // Chosen options are not offered again.
  await visited.click();
  await visited.pressSequentially("spa");
  expect(await page.getByRole("option").count()).toBe(0);
  // Backspace in the empty field removes the last chip.
  await visited.fill("");
  await visited.press("Backspace");
  await page.getByText("Visited: Spain", { exact: true }).waitFor();
  expect(page.errors).toEqual([]);
});
