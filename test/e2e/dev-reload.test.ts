import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startEdgelit } from "../helpers/processes.ts";

// Inside the repository (gitignored), so the app can import "edgelit".
const appDir = resolve(import.meta.dirname, `../../.edgelit/test-apps/reload-${process.pid}`);
const appFile = join(appDir, "app.ts");
const messageFile = join(appDir, "message.ts");

let browser: Browser;
let server: Awaited<ReturnType<typeof startEdgelit>>;

beforeAll(async () => {
  mkdirSync(appDir, { recursive: true });
  writeFileSync(messageFile, `export const message = "from the imported file, version 1";\n`);
  writeFileSync(appFile, appSource("Version 1"));
  server = await startEdgelit({ app: appFile, dev: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(appDir, { recursive: true, force: true });
});

function appSource(title: string, broken = false): string {
  return `import { defineApp } from "edgelit";
import { message } from "./message.ts";
export default defineApp((st) => {
  st.title(${JSON.stringify(title)});
  st.session.clicks ??= 0;
  if (st.button("Click")) st.session.clicks++;
  st.write(\`clicks: \${st.session.clicks}\`);
  st.write(message);
  ${broken ? "const broken: number = ;" : ""}
});
`;
}

test("saving the app file, or a file it imports, reruns the open page and keeps its state", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByRole("heading", { name: "Version 1" }).waitFor();
  await page.getByRole("button", { name: "Click" }).click();
  await page.getByText("clicks: 1").waitFor();

  writeFileSync(appFile, appSource("Version 2"));
  await page.getByRole("heading", { name: "Version 2" }).waitFor({ timeout: 15_000 });
  await page.getByText("clicks: 1").waitFor();

  writeFileSync(messageFile, `export const message = "from the imported file, version 2";\n`);
  await page.getByText("from the imported file, version 2").waitFor({ timeout: 15_000 });

  writeFileSync(appFile, appSource("Version 3", true));
  await page.getByText(/Could not load/).waitFor({ timeout: 15_000 });
  writeFileSync(appFile, appSource("Version 3"));
  await page.getByRole("heading", { name: "Version 3" }).waitFor({ timeout: 15_000 });
  await page.getByText("clicks: 1").waitFor();
  expect(page.errors).toEqual([]);
  await page.close();
});
