import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startEdgelit, tempDir } from "../helpers/processes.ts";

// A bare script function is an app too: written to a temporary file, it needs no import.
const APP = `
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
export default async (st) => {
  st.title("Progress");
  if (st.button("Start")) {
    const bar = st.progress(0, { text: "Working" });
    for (let i = 1; i <= 8; i++) {
      await sleep(120);
      bar.progress(i / 8, { text: "Step " + i });
    }
    await st.spinner("Finishing…", () => sleep(1000));
    st.toast("All done");
    st.write("done");
  }
};
`;

const appDir = tempDir("edgelit-progress-");
let browser: Browser;
let server: Awaited<ReturnType<typeof startEdgelit>>;

beforeAll(async () => {
  const app = join(appDir.path, "progress-app.mts"); // .mts: ESM outside any package
  writeFileSync(app, APP);
  server = await startEdgelit({ app });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  appDir.remove();
});

interface Sample {
  at: number;
  value: string | null;
  bars: number;
  done: boolean;
}

test("a progress bar updated in a loop moves in place while the script runs; a spinner shows, then goes", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByRole("heading", { name: "Progress" }).waitFor();

  await page.evaluate(() => {
    const samples: Sample[] = [];
    (window as unknown as { samples: Sample[] }).samples = samples;
    new MutationObserver(() => {
      const bars = document.querySelectorAll('[role="progressbar"]');
      const value = bars[0]?.getAttribute("aria-valuenow") ?? null;
      const done = [...document.querySelectorAll(".el-markdown")].some(
        (element) => element.textContent?.trim() === "done",
      );
      const last = samples.at(-1);
      if (!last || last.value !== value || last.bars !== bars.length || last.done !== done)
        samples.push({ at: performance.now(), value, bars: bars.length, done });
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });

  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("status").filter({ hasText: "Finishing…" }).waitFor();
  await page.getByText("done", { exact: true }).waitFor();
  await page.getByRole("status").filter({ hasText: "Finishing…" }).waitFor({ state: "detached" });
  await page.getByText("All done").waitFor();

  const samples = await page.evaluate(() => (window as unknown as { samples: Sample[] }).samples);
  const beforeDone = samples.filter((s) => !s.done && s.value !== null);
  const values = beforeDone.map((s) => Number(s.value));
  // Several positions, shown one after another before the run ended, always by one bar.
  expect(new Set(values).size).toBeGreaterThanOrEqual(4);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(beforeDone.every((s) => s.bars === 1)).toBe(true);
  expect(beforeDone.at(-1)!.at - beforeDone[0]!.at).toBeGreaterThan(300);
  await expect.poll(() => page.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");
  expect(await page.getByRole("progressbar").count()).toBe(1);
  expect(page.errors).toEqual([]);
});
