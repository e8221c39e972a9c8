import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startEdgelit } from "../helpers/processes.ts";

let browser: Browser;
let server: Awaited<ReturnType<typeof startEdgelit>>;

beforeAll(async () => {
  server = await startEdgelit({ app: "examples/chat/app.ts" });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Sample {
  at: number;
  reply: string;
  running: boolean;
}

test("a chat message shows the user's bubble, then the reply streams in while the run goes on", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  const input = page.getByRole("textbox", { name: "Say something" });
  await input.waitFor();

  // Pinned to the bottom of the window, not after the (short) page content.
  const box = (await input.boundingBox())!;
  expect(box.y + box.height).toBeGreaterThan(page.viewportSize()!.height - 80);

  // Record, in the page, the assistant's text and whether the run was still going, at every change.
  await page.evaluate(() => {
    const samples: Sample[] = [];
    (window as unknown as { samples: Sample[] }).samples = samples;
    const sample = () => {
      const reply =
        document.querySelector('[role="group"][aria-label="assistant"]')?.textContent ?? "";
      const running = document.querySelector("main")?.getAttribute("aria-busy") === "true";
      const last = samples.at(-1);
      if (!last || last.reply !== reply || last.running !== running)
        samples.push({ at: performance.now(), reply, running });
    };
    new MutationObserver(sample).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });

  await input.fill("hello streaming world of edgelit");
  await input.press("Enter");
  await expect.poll(() => input.inputValue()).toBe("");

  await page
    .getByRole("group", { name: "user" })
    .getByText("hello streaming world of edgelit")
    .waitFor();
  const reply = page.getByRole("group", { name: "assistant" });
  await reply.getByText("You said: hello streaming world of edgelit").waitFor();
  await page.locator('main[aria-busy="false"]').waitFor();

  const samples = await page.evaluate(() => (window as unknown as { samples: Sample[] }).samples);
  const whileRunning = new Set(samples.filter((s) => s.running && s.reply).map((s) => s.reply));
  // The reply grew in at least two steps the browser showed before the run finished.
  expect(whileRunning.size).toBeGreaterThanOrEqual(2);
  const growing = samples.filter((s) => s.reply).map((s) => s.reply.length);
  expect(growing).toEqual([...growing].sort((a, b) => a - b));

  // A second message keeps the history: two bubbles each.
  await input.fill("again");
  await input.press("Enter");
  await reply.nth(1).getByText("You said: again").waitFor();
  expect(await page.getByRole("group", { name: "user" }).count()).toBe(2);
  expect(page.errors).toEqual([]);
});
