import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { logIn, startOidcProvider, type TestProvider } from "../helpers/oidc-provider.ts";
import { startNginx } from "../helpers/nginx.ts";
import { freePort, startEdgelit, startRedis, tempDir } from "../helpers/processes.ts";

const APP = "test/e2e/fixtures/login-app.ts";
const COOKIE_SECRET = "e2e-cookie-secret-3f9a0c7d51b2";

let browser: Browser;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await browser?.close();
});

/** A project folder whose .streamlit/secrets.toml is Streamlit's [auth] section for `provider`. */
function projectWithAuth(provider: TestProvider, redirectUri: string): string {
  const dir = tempDir("edgelit-login-");
  cleanups.push(() => dir.remove());
  mkdirSync(join(dir.path, ".streamlit"));
  writeFileSync(
    join(dir.path, ".streamlit/secrets.toml"),
    `[auth]
redirect_uri = "${redirectUri}"
cookie_secret = "${COOKIE_SECRET}"
client_id = "${provider.clientId}"
client_secret = "${provider.clientSecret}"
server_metadata_url = "${provider.metadataUrl}"
`,
  );
  return dir.path;
}

function shows(page: Page, text: string): Promise<void> {
  return page.getByText(text, { exact: true }).waitFor({ timeout: 30_000 });
}

test("log in at a real OpenID Connect provider, reload, a second tab, log out in both", async () => {
  const port = await freePort();
  const callback = `http://127.0.0.1:${port}/_edgelit/auth/callback`;
  const provider = await startOidcProvider([callback]);
  cleanups.push(() => provider.close());
  const server = await startEdgelit({ app: APP, cwd: projectWithAuth(provider, callback), port });
  cleanups.push(() => server.stop());

  const first = await browser.newPage();
  await first.goto(`${server.url}/?from=test`);
  await shows(first, "Logged out");
  await logIn(first, "alice");
  // Back where the login started.
  expect(new URL(first.url()).search).toBe("?from=test");

  const identity = (await browser.context.cookies(server.url)).find(
    (cookie) => cookie.name === "edgelit_identity",
  );
  expect(identity).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(identity!.value).not.toContain("alice");

  await first.reload();
  await shows(first, "Hello alice@example.test (User alice)");
  // A second tab, over the WebSocket transport: same login.
  const second = await browser.newPage();
  await second.goto(`${server.url}/?transport=websocket`);
  await shows(second, "Hello alice@example.test (User alice)");

  await first.getByRole("button", { name: "Log out" }).click();
  await shows(first, "Logged out");
  // The second tab sees it on its next event: its socket is opened again with the new cookies.
  await second.getByRole("button", { name: "Again" }).click();
  await shows(second, "Logged out");
  expect(first.errors).toEqual([]);
  expect(second.errors).toEqual([]);
  await first.close();
  await second.close();
});

test("with two replicas on one Redis, the login starts on one and its callback lands on the other", async () => {
  const redis = await startRedis();
  cleanups.push(() => redis.stop());
  const [portA, portB] = [await freePort(), await freePort()];
  const callback = `http://127.0.0.1:${portB}/_edgelit/auth/callback`;
  const provider = await startOidcProvider([callback]);
  cleanups.push(() => provider.close());
  const cwd = projectWithAuth(provider, callback);
  const replicaA = await startEdgelit({ app: APP, cwd, port: portA, storage: redis.url });
  cleanups.push(() => replicaA.stop());
  const replicaB = await startEdgelit({ app: APP, cwd, port: portB, storage: redis.url });
  cleanups.push(() => replicaB.stop());

  await browser.context.clearCookies();
  const page = await browser.newPage();
  await page.goto(replicaA.url);
  await shows(page, "Logged out");
  // Replica A sends the browser to the provider; the provider sends it back to replica B, which
  // reads the flow from its cookie alone (cookies are per host, not per port).
  await logIn(page, "bob");
  expect(new URL(page.url()).port).toBe(String(portB));

  const onA = await browser.newPage();
  await onA.goto(replicaA.url);
  await shows(onA, "Hello bob@example.test (User bob)");
  await onA.getByRole("button", { name: "Log out" }).click();
  await shows(onA, "Logged out");
  await page.getByRole("button", { name: "Again" }).click();
  await shows(page, "Logged out");
  await page.close();
  await onA.close();
});

test("behind a round-robin nginx with no affinity, log in, reload and log out while requests land on both replicas", async () => {
  const redis = await startRedis();
  cleanups.push(() => redis.stop());
  const balancerPort = await freePort();
  const callback = `http://127.0.0.1:${balancerPort}/_edgelit/auth/callback`;
  const provider = await startOidcProvider([callback]);
  cleanups.push(() => provider.close());
  const cwd = projectWithAuth(provider, callback);
  const replicas = [
    await startEdgelit({ app: APP, cwd, storage: redis.url }),
    await startEdgelit({ app: APP, cwd, storage: redis.url }),
  ];
  for (const replica of replicas) cleanups.push(() => replica.stop());
  const balancer = await startNginx(
    replicas.map((replica) => Number(new URL(replica.url).port)),
    { port: balancerPort },
  );
  cleanups.push(() => balancer.stop());

  await browser.context.clearCookies();
  const page = await browser.newPage();
  const upstreams = new Set<string>();
  page.on("response", (response) => {
    const upstream = response.headers()["x-edgelit-upstream"];
    if (upstream) upstreams.add(upstream);
  });
  await page.goto(balancer.url);
  await shows(page, "Logged out");
  await logIn(page, "carol");
  expect(new URL(page.url()).port).toBe(String(balancerPort));
  await shows(page, "Hello carol@example.test (User carol)");
  for (let reload = 0; reload < 3; reload++) {
    await page.reload();
    await shows(page, "Hello carol@example.test (User carol)");
  }
  await page.getByRole("button", { name: "Log out" }).click();
  await shows(page, "Logged out");
  // Round robin with no affinity: the flow above was served by both replicas.
  expect(upstreams.size).toBe(2);
  await page.close();
});

test("a provider whose ID token holds too many claims for a cookie still logs the user in", async () => {
  const port = await freePort();
  const callback = `http://127.0.0.1:${port}/_edgelit/auth/callback`;
  // 400 groups make an ID token of about 8 KB: a cookie of it would be dropped by the browser.
  const provider = await startOidcProvider([callback], { groups: 400 });
  cleanups.push(() => provider.close());
  const server = await startEdgelit({ app: APP, cwd: projectWithAuth(provider, callback), port });
  cleanups.push(() => server.stop());
  await browser.context.clearCookies();
  const page = await browser.newPage();
  await page.goto(server.url);
  await logIn(page, "gina");
  await page.reload();
  await shows(page, "Hello gina@example.test (User gina)");
  expect(server.output()).toContain("holds too many claims for a cookie");
  await page.close();
});
