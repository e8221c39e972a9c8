import { resolve } from "node:path";
import { afterAll, expect, test } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { logIn, startOidcProvider } from "../helpers/oidc-provider.ts";
import { freePort } from "../helpers/processes.ts";
import { startWorker } from "../helpers/worker.ts";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

test("under workerd, st.secrets reads a binding, and a login at a real provider works", async () => {
  const port = await freePort();
  const callback = `http://127.0.0.1:${port}/_edgelit/auth/callback`;
  const provider = await startOidcProvider([callback]);
  cleanups.push(() => provider.close());
  const worker = await startWorker({
    main: resolve(import.meta.dirname, "fixtures/login-worker.ts"),
    assets: true,
    listen: true,
    port,
    bindings: {
      GREETING: "hello from a binding",
      AUTH_REDIRECT_URI: callback,
      AUTH_COOKIE_SECRET: "worker-cookie-secret-5e8d2a41c9",
      AUTH_CLIENT_ID: provider.clientId,
      AUTH_CLIENT_SECRET: provider.clientSecret,
      AUTH_METADATA_URL: provider.metadataUrl,
    },
  });
  cleanups.push(() => worker.dispose());
  const browser = await launchBrowser();
  cleanups.push(() => browser.close());

  const page = await browser.newPage();
  await page.goto(worker.url!);
  await page.getByText("greeting from st.secrets: hello from a binding").waitFor();
  await page.getByText("Logged out", { exact: true }).waitFor();
  await logIn(page, "carol");
  await page.reload();
  await page.getByText("Hello carol@example.test (User carol)").waitFor();
  await page.getByRole("button", { name: "Log out" }).click();
  await page.getByText("Logged out", { exact: true }).waitFor();
  expect(page.errors).toEqual([]);
});
