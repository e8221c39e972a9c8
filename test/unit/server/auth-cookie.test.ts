import { EncryptJWT } from "jose";
import { expect, test } from "vitest";
import { createStorage } from "unstorage";
import { defineApp } from "../../../src/index.ts";
import { createServer } from "../../../src/server/create-server.ts";
import { createCookieSeal, IDENTITY_COOKIE } from "../../../src/server/auth-cookies.ts";
import { AuthConfigError, readAuthConfig } from "../../../src/server/auth-config.ts";
import { postToServer } from "../../helpers/events.ts";
import { startOidcProvider } from "../../helpers/oidc-provider.ts";

const COOKIE_SECRET = "a-cookie-secret-of-the-tests-0123456789";

// Streamlit's [auth] section, as its documentation writes it.
const secrets = {
  auth: {
    redirect_uri: "http://localhost:8501/oauth2callback",
    cookie_secret: COOKIE_SECRET,
    client_id: "client-id",
    client_secret: "client-secret-value",
    server_metadata_url: "https://accounts.google.com/.well-known/openid-configuration",
    microsoft: {
      client_id: "ms-id",
      client_secret: "ms-secret-value",
      server_metadata_url:
        "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
      client_kwargs: { prompt: "login" },
    },
  },
};

const app = defineApp((st) => {
  st.text(st.user.isLoggedIn ? `in as ${String(st.user.email)}` : "logged out");
});

async function seen(cookie: string | undefined): Promise<string | undefined> {
  const server = createServer({ app, storage: createStorage(), secrets });
  const withCookie = {
    fetch: (request: Request) => {
      if (cookie) request.headers.set("cookie", cookie);
      return server.fetch(request);
    },
  };
  const messages = await postToServer(withCookie, {
    sessionId: null,
    lastRunId: null,
    eventId: "e",
  });
  return messages.flatMap((m) =>
    m.type === "element" && m.kind === "text" ? [m.props.body] : [],
  )[0];
}

test("a sealed identity cookie logs in; a tampered, forged or expired one is treated as logged out", async () => {
  const seal = await createCookieSeal(COOKIE_SECRET);
  const valid = await seal.seal({ claims: { email: "alice@example.test" } }, "identity", 3600);
  expect(await seen(`${IDENTITY_COOKIE}=${valid}`)).toBe("in as alice@example.test");
  expect(await seen(undefined)).toBe("logged out");

  // One character of the ciphertext changed.
  const parts = valid.split(".");
  const cipher = parts[3]!;
  parts[3] = (cipher[0] === "A" ? "B" : "A") + cipher.slice(1);
  expect(await seen(`${IDENTITY_COOKIE}=${parts.join(".")}`)).toBe("logged out");

  // Sealed under another secret, or not sealed at all.
  const other = await createCookieSeal("another-secret-entirely-0123456789");
  const forged = await other.seal({ claims: { email: "mallory@example.test" } }, "identity", 3600);
  expect(await seen(`${IDENTITY_COOKIE}=${forged}`)).toBe("logged out");
  expect(await seen(`${IDENTITY_COOKIE}=eyJhbGciOiJub25lIn0.e30.`)).toBe("logged out");

  // Past its expiry.
  const key = new Uint8Array(
    await crypto.subtle.digest(
      "SHA-256",
      new TextEncoder().encode(`edgelit login cookies\0${COOKIE_SECRET}`),
    ),
  );
  const expired = await new EncryptJWT({
    claims: { email: "old@example.test" },
    purpose: "identity",
  })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
    .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
    .encrypt(key);
  expect(await seen(`${IDENTITY_COOKIE}=${expired}`)).toBe("logged out");

  // A login flow's cookie is no identity.
  const flow = await seal.seal({ claims: { email: "flow@example.test" } }, "flow", 600);
  expect(await seen(`${IDENTITY_COOKIE}=${flow}`)).toBe("logged out");
});

test("Streamlit's [auth] section reads unchanged; a missing key is named, its values never", () => {
  const config = readAuthConfig(secrets)!;
  expect([...config.providers.keys()]).toEqual(["default", "microsoft"]);
  expect(config.redirectUri.pathname).toBe("/oauth2callback");
  expect(config.providers.get("microsoft")!.authorizationParams).toEqual({ prompt: "login" });

  const { client_secret: _, ...withoutSecret } = secrets.auth.microsoft;
  let message = "";
  try {
    readAuthConfig({ auth: { ...secrets.auth, microsoft: withoutSecret } });
  } catch (error) {
    expect(error).toBeInstanceOf(AuthConfigError);
    message = (error as Error).message;
  }
  expect(message).toBe("[auth.microsoft] in the secrets needs client_secret (text).");
  expect(() =>
    readAuthConfig({ auth: { ...secrets.auth, redirect_uri: "https://app.example.com/" } }),
  ).toThrow(/redirect_uri needs a path of its own/);
  expect(() =>
    createServer({
      app,
      storage: createStorage(),
      secrets: { auth: { ...secrets.auth, cookie_secret: undefined as never } },
    }),
  ).toThrow(/^\[auth\] in the secrets needs cookie_secret \(text\)\.$/);
});

test("st.login sends the page to the login route with where to come back; without [auth] it says what is missing", async () => {
  const loginApp = defineApp((st) => {
    st.text("before");
    st.login("microsoft");
  });
  const server = createServer({ app: loginApp, storage: createStorage(), secrets });
  const messages = await postToServer(server, {
    sessionId: null,
    lastRunId: null,
    eventId: "e",
    url: "/reports?q=1",
  });
  expect(messages.find((m) => m.type === "navigate")).toEqual({
    type: "navigate",
    url: "/_edgelit/auth/login?return=%2Freports%3Fq%3D1&provider=microsoft",
  });
  const login = await server.fetch(
    new Request("http://localhost/_edgelit/auth/login?provider=nobody&return=/"),
  );
  expect(login.status).toBe(400);

  const bare = createServer({ app: loginApp, storage: createStorage() });
  const refused = await postToServer(bare, { sessionId: null, lastRunId: null, eventId: "e" });
  expect(JSON.stringify(refused)).toContain("st.login needs an [auth] section in secrets.toml");
});

test("a provider that is down, and a callback without its flow or with a wrong state, each get a clear answer", async () => {
  const log: string[] = [];
  const downSecrets = {
    auth: {
      ...secrets.auth,
      redirect_uri: "http://127.0.0.1:8501/_edgelit/auth/callback",
      // Nothing listens on port 1.
      server_metadata_url: "http://127.0.0.1:1/.well-known/openid-configuration",
    },
  };
  const server = createServer({
    app,
    storage: createStorage(),
    secrets: downSecrets,
    log: { error: (entry) => log.push(entry), warn: (entry) => log.push(entry) },
  });
  const login = await server.fetch(new Request("http://127.0.0.1:8501/_edgelit/auth/login"));
  expect(login.status).toBe(502);
  expect(await login.text()).toBe(
    'The login provider "default" cannot be reached; try again later.',
  );
  expect(log.join("\n")).toContain('login provider "default" unreachable');
  expect(log.join("\n")).not.toContain(COOKIE_SECRET);
  expect(log.join("\n")).not.toContain("client-secret-value");

  const noFlow = await server.fetch(
    new Request("http://127.0.0.1:8501/_edgelit/auth/callback?code=x&state=y"),
  );
  expect(noFlow.status).toBe(400);
  expect(await noFlow.text()).toContain("This login has expired or was started in another browser");

  // With the provider up, a callback whose state is not the flow's is refused.
  const provider = await startOidcProvider(["http://127.0.0.1:8501/_edgelit/auth/callback"]);
  try {
    const upSecrets = { auth: { ...downSecrets.auth, server_metadata_url: provider.metadataUrl } };
    const up = createServer({
      app,
      storage: createStorage(),
      secrets: upSecrets,
      log: { error: (entry) => log.push(entry), warn: (entry) => log.push(entry) },
    });
    const seal = await createCookieSeal(COOKIE_SECRET);
    const flow = await seal.seal(
      { provider: "default", state: "expected-state", nonce: "n", verifier: "v", returnTo: "/" },
      "flow",
      600,
    );
    const wrongState = await up.fetch(
      new Request(
        `http://127.0.0.1:8501/_edgelit/auth/callback?code=x&state=other&iss=${encodeURIComponent(provider.issuer)}`,
        {
          headers: { cookie: `edgelit_login_flow=${flow}` },
        },
      ),
    );
    expect(wrongState.status).toBe(400);
    expect(await wrongState.text()).toBe(
      'The login with "default" failed; go back to the app and try again.',
    );
    expect(log.at(-1)).toMatch(/login with "default" failed: .*state/);
    expect(wrongState.headers.get("set-cookie")).toBeNull();
  } finally {
    await provider.close();
  }
});
