import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, metricShows, type Browser } from "../helpers/browser.ts";
import { startEdgelit, tempDir } from "../helpers/processes.ts";

type Server = Awaited<ReturnType<typeof startEdgelit>>;

let browser: Browser;
let server: Server;
const store = tempDir("edgelit-e2e-store-");
const start = (port?: number) => startEdgelit({ storage: `fs:${store.path}`, port });

beforeAll(async () => {
  server = await start();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  store.remove();
});

test("the counter counts clicks, and the slider and text input drive the app", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByRole("heading", { name: "Counter" }).waitFor();
  await metricShows(page, 0);

  const addOne = page.getByRole("button", { name: "Add one" });
  for (let i = 0; i < 3; i++) await addOne.click();
  await metricShows(page, 3);

  await page.getByRole("slider", { name: "Step" }).fill("5");
  await page.getByText("Step is 5").waitFor();
  await page.getByRole("button", { name: "Add step" }).click();
  await metricShows(page, 8);

  const name = page.getByRole("textbox", { name: "Your name" });
  await name.fill("Ada");
  await name.press("Enter");
  await page.getByText("Hello, Ada!").waitFor();
  expect(page.errors).toEqual([]);
  await page.close();
});

test("a restart of the server mid-session loses nothing: the click made while it was down counts", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  const addOne = page.getByRole("button", { name: "Add one" });
  await addOne.click();
  await metricShows(page, 1);

  const port = server.port;
  await server.stop();
  await addOne.click();
  await page.getByText(/cannot reach the server/i).waitFor({ timeout: 10_000 });
  server = await start(port);
  await metricShows(page, 2);
  await expect(page.getByText(/cannot reach the server/i).isVisible()).resolves.toBe(false);

  await addOne.click();
  await metricShows(page, 3);
  expect(page.errors).toEqual([]);
  await page.close();
});

test("reloading the tab keeps its session; a second tab is a new session", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByRole("button", { name: "Add one" }).click();
  await page.getByRole("button", { name: "Add one" }).click();
  await metricShows(page, 2);
  await page.getByRole("slider", { name: "Step" }).fill("7");
  await page.getByText("Step is 7").waitFor();

  await page.reload();
  await metricShows(page, 2);
  await page.getByText("Step is 7").waitFor();
  expect(await page.getByRole("slider", { name: "Step" }).inputValue()).toBe("7");

  const second = await browser.newPage();
  await second.goto(server.url);
  await metricShows(second, 0);
  await second.getByText("Step is 1").waitFor();
  await page.close();
  await second.close();
});
