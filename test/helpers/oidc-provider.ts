import type { Server } from "node:http";
import type { Page } from "playwright-core";
import { exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";
import { freePort } from "./processes.ts";

/** A real OpenID Connect provider on 127.0.0.1, for login tests. */
export interface TestProvider {
  /** The issuer: `http://127.0.0.1:<port>`. */
  readonly issuer: string;
  readonly metadataUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts oidc-provider (plain http on loopback) with one confidential client whose redirect URIs
 * are `redirectUris`. Any login and password sign in; the user `<login>` has the email
 * `<login>@example.test` and the name `User <login>`, both in the ID token. With `issuer`, it
 * sits behind a proxy that serves that address (and says so in X-Forwarded-Proto) and listens
 * on `port`.
 */
export async function startOidcProvider(
  redirectUris: string[],
  options: {
    /** The address a proxy serves the provider at (it says so in X-Forwarded-Proto). */
    issuer?: string;
    /** Listen here (to restart on the same address). Default a free port. */
    port?: number;
    /** The signing keys (private JWKs); default the provider's development keys. */
    keys?: object[];
    /** How many groups each user is in (a `groups` claim in the ID token). Default none. */
    groups?: number;
  } = {},
): Promise<TestProvider> {
  const port = options.port ?? (await freePort());
  const issuer = options.issuer ?? `http://127.0.0.1:${port}`;
  const clientId = "edgelit-tests";
  const clientSecret = "test-client-secret-6c1f0d2e9b";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    pkce: { required: () => true },
    conformIdTokenClaims: false,
    claims: { openid: ["sub"], email: ["email"], profile: ["name", "groups"] },
    cookies: { keys: ["test-cookie-key-for-oidc-provider"] },
    ...(options.keys && { jwks: { keys: options.keys } }),
    findAccount: (_context: unknown, id: string) => ({
      accountId: id,
      claims: () => ({
        sub: id,
        email: `${id}@example.test`,
        name: `User ${id}`,
        ...(options.groups && {
          groups: Array.from({ length: options.groups }, (_, index) => `group-${index}-of-${id}`),
        }),
      }),
    }),
  });
  if (options.issuer) provider.proxy = true;
  // The provider's own warnings about development settings are expected here.
  provider.on("server_error", (_context, error) => console.error("oidc-provider:", error));
  const server: Server = provider.listen(port, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    issuer,
    metadataUrl: `${issuer}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Clicks the app's "Log in" and signs in as `login` at the provider's own pages. */
export async function logIn(page: Page, login: string): Promise<void> {
  await page.getByRole("button", { name: "Log in" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // The provider asks for consent the first time.
  const consent = page.getByRole("button", { name: "Continue" });
  const hello = page.getByText(`Hello ${login}@example.test (User ${login})`, { exact: true });
  await consent.or(hello).waitFor({ timeout: 30_000 });
  if (await consent.isVisible()) await consent.click();
  await hello.waitFor({ timeout: 30_000 });
}

/**
 * A new RS256 signing key as the provider's `keys` option takes it.
 *
 * @example
 * const provider = await startOidcProvider(uris, { keys: [await signingKey("first")] });
 */
export async function signingKey(kid: string): Promise<object> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: "RS256", use: "sig" };
}
