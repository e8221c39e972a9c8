import { execFileSync } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { startNginxWith } from "../helpers/nginx.ts";
import { logIn, signingKey, startOidcProvider } from "../helpers/oidc-provider.ts";
import { freePort, startEdgelit, tempDir } from "../helpers/processes.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A self-signed certificate for 127.0.0.1, made for this test: its files and its key's SPKI hash. */
function testCertificate(dir: string): { cert: string; key: string; spki: string } {
  const [cert, key] = [join(dir, "cert.pem"), join(dir, "key.pem")];
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "ignore" },
  );
  const publicKey = new X509Certificate(readFileSync(cert)).publicKey.export({
    type: "spki",
    format: "der",
  });
  return { cert, key, spki: createHash("sha256").update(publicKey).digest("base64") };
}

test("a provider served over https by nginx with a test certificate, as production ones are, rotating its keys", async () => {
  const dir = tempDir("edgelit-login-https-");
  cleanups.push(() => dir.remove());
  const certificate = testCertificate(dir.path);
  const [httpsPort, providerPort, appPort] = [await freePort(), await freePort(), await freePort()];
  const issuer = `https://127.0.0.1:${httpsPort}`;
  const callback = `http://127.0.0.1:${appPort}/_edgelit/auth/callback`;
  const provider = await startOidcProvider([callback], {
    issuer,
    port: providerPort,
    keys: [await signingKey("before")],
  });
  let current = provider;
  cleanups.push(() => current.close());
  // nginx terminates TLS for the provider; its plain port only answers the helper's probe.
  const nginx = await startNginxWith(
    (port) => `
  server {
    listen 127.0.0.1:${port};
    location / { proxy_pass http://127.0.0.1:${providerPort}; }
  }
  server {
    listen 127.0.0.1:${httpsPort} ssl;
    ssl_certificate ${certificate.cert};
    ssl_certificate_key ${certificate.key};
    location / {
      proxy_pass http://127.0.0.1:${providerPort};
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Proto https;
    }
  }`,
  );
  cleanups.push(() => nginx.stop());

  mkdirSync(join(dir.path, ".streamlit"));
  writeFileSync(
    join(dir.path, ".streamlit/secrets.toml"),
    `[auth]
redirect_uri = "${callback}"
cookie_secret = "https-test-cookie-secret-77a1c0"
client_id = "${provider.clientId}"
client_secret = "${provider.clientSecret}"
server_metadata_url = "${issuer}/.well-known/openid-configuration"
`,
  );
  // The server trusts the test certificate as an operator adds a private CA.
  const server = await startEdgelit({
    app: "test/e2e/fixtures/login-app.ts",
    cwd: dir.path,
    port: appPort,
    env: { NODE_EXTRA_CA_CERTS: certificate.cert },
  });
  cleanups.push(() => server.stop());
  // Chromium trusts this certificate's key, and no other unknown one.
  const browser = await launchBrowser({
    extraArgs: [`--ignore-certificate-errors-spki-list=${certificate.spki}`],
  });
  cleanups.push(() => browser.close());

  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByText("Logged out", { exact: true }).waitFor();
  await logIn(page, "dave");

  // The provider rotates its RS256 signing key: edgelit checks the next ID token against the
  // new key, which it fetches on seeing its key id.
  await page.getByRole("button", { name: "Log out" }).click();
  await page.getByText("Logged out", { exact: true }).waitFor();
  await current.close();
  current = await startOidcProvider([callback], {
    issuer,
    port: providerPort,
    keys: [await signingKey("after")],
  });
  await logIn(page, "erin");
  expect(page.errors).toEqual([]);
});
