import * as oauth from "oauth4webapi";
import { createRemoteJWKSet, jwtVerify } from "jose";
import type { ServerLog } from "./server-log.ts";
import type { AuthConfig, AuthProvider } from "./auth-config.ts";
import {
  FLOW_COOKIE,
  FLOW_SECONDS,
  IDENTITY_COOKIE,
  IDENTITY_SECONDS,
  cookieAttributes,
  createCookieSeal,
  loginMarkCookie,
} from "./auth-cookies.ts";
import { parseCookies, type IdentityReader } from "./request-facts.ts";

/** The login routes of one app and the reader of its identity cookie. */
export interface Auth {
  /** The claims of the logged-in user, from the request's cookies (see FactsReader). */
  identity: IdentityReader;
  /** `GET /_edgelit/auth/login`: to the provider, with the flow's state in a sealed cookie. */
  login(request: Request): Promise<Response>;
  /** `GET <redirect_uri's path>`: back from the provider; sets the identity cookie. */
  callback(request: Request): Promise<Response>;
  /** `GET /_edgelit/auth/logout`: clears the identity cookie. */
  logout(request: Request): Response;
}

/** The longest identity cookie value: browsers keep about 4096 bytes of name, value and attributes. */
const MAX_COOKIE_CHARS = 3800;
/** What st.user keeps of a token whose claims do not fit in a cookie. */
const PROFILE_CLAIMS = [
  "sub",
  "iss",
  "email",
  "email_verified",
  "name",
  "given_name",
  "family_name",
  "preferred_username",
  "picture",
  "locale",
];

/** Claims of the ID token that say nothing about the user. */
const PROTOCOL_CLAIMS = ["nonce", "at_hash", "c_hash", "auth_time", "azp", "sid", "iat", "exp"];

/**
 * OpenID Connect login (authorization code with PKCE, oauth4webapi) whose state lives only in
 * sealed cookies (jose): the flow's state, nonce and verifier in a 10-minute cookie, the
 * identity in a 30-day one. Any replica with the same `cookie_secret` serves any step; nothing
 * is kept in memory but each provider's metadata.
 *
 * @example
 * const auth = createAuth(readAuthConfig(secrets)!, log);
 * h3.get(ROUTES.authLogin, (event) => auth.login(event.req));
 */
export function createAuth(config: AuthConfig, log: ServerLog): Auth {
  const sealed = createCookieSeal(config.cookieSecret);
  const servers = new Map<string, Promise<oauth.AuthorizationServer>>();
  // Each provider's signing keys, cached per process.
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  /** Checks the ID token's signature; a key not seen yet (the provider rotated) is fetched once more. */
  const verifySignature = async (
    provider: AuthProvider,
    server: oauth.AuthorizationServer,
    idToken: string,
  ) => {
    const check = { issuer: server.issuer, audience: provider.clientId };
    const fresh = () => createRemoteJWKSet(new URL(server.jwks_uri!));
    let keys = keySets.get(provider.name);
    if (!keys) keySets.set(provider.name, (keys = fresh()));
    try {
      await jwtVerify(idToken, keys, check);
    } catch (error) {
      // jose waits 30 s before fetching keys again; the token came straight from the provider's
      // token endpoint, so a key it does not know yet is worth one fetch at once.
      if ((error as { code?: string }).code !== "ERR_JWKS_NO_MATCHING_KEY") throw error;
      keySets.set(provider.name, (keys = fresh()));
      await jwtVerify(idToken, keys, check);
    }
  };
  const redirectUri = config.redirectUri.href;

  /** The provider's metadata, fetched once per process (again after a failure). */
  function serverOf(provider: AuthProvider): Promise<oauth.AuthorizationServer> {
    let server = servers.get(provider.name);
    if (!server) {
      server = fetch(provider.serverMetadataUrl, { headers: { accept: "application/json" } }).then(
        async (response) => {
          // The metadata URL is the app's own configuration: its document names the issuer,
          // which every ID token is then checked against.
          const { issuer } = (await response.clone().json()) as { issuer?: string };
          return oauth.processDiscoveryResponse(new URL(String(issuer)), response);
        },
      );
      servers.set(provider.name, server);
      server.catch(() => servers.delete(provider.name));
    }
    return server;
  }

  const options = (provider: AuthProvider) =>
    insecureAllowed(provider.serverMetadataUrl) ? { [oauth.allowInsecureRequests]: true } : {};

  return {
    async identity(cookies) {
      const payload = await (await sealed).open(cookies[IDENTITY_COOKIE], "identity");
      const claims = payload?.claims;
      return typeof claims === "object" && claims !== null
        ? (claims as Record<string, unknown>)
        : undefined;
    },

    async login(request) {
      const url = new URL(request.url);
      const name = url.searchParams.get("provider") ?? onlyProvider(config);
      const provider = name === undefined ? undefined : config.providers.get(name);
      if (!provider)
        return refusal(400, `No login provider named ${JSON.stringify(name ?? "")} is configured.`);
      let server;
      try {
        server = await serverOf(provider);
      } catch (error) {
        log.error(`[edgelit] login provider "${provider.name}" unreachable: ${messageOf(error)}`);
        return refusal(
          502,
          `The login provider "${provider.name}" cannot be reached; try again later.`,
        );
      }
      const verifier = oauth.generateRandomCodeVerifier();
      const state = oauth.generateRandomState();
      const nonce = oauth.generateRandomNonce();
      const authorize = new URL(server.authorization_endpoint!);
      const params = authorize.searchParams;
      params.set("client_id", provider.clientId);
      params.set("redirect_uri", redirectUri);
      params.set("response_type", "code");
      params.set("scope", "openid profile email");
      for (const [key, value] of Object.entries(provider.authorizationParams))
        params.set(key, value);
      params.set("state", state);
      params.set("nonce", nonce);
      params.set("code_challenge", await oauth.calculatePKCECodeChallenge(verifier));
      params.set("code_challenge_method", "S256");
      const flow = await (
        await sealed
      ).seal(
        { provider: provider.name, state, nonce, verifier, returnTo: returnPath(url) },
        "flow",
        FLOW_SECONDS,
      );
      const headers = new Headers({ location: authorize.href, "cache-control": "no-store" });
      headers.append(
        "set-cookie",
        `${FLOW_COOKIE}=${flow}; ${cookieAttributes(request.url, "/", FLOW_SECONDS)}`,
      );
      return new Response(null, { status: 302, headers });
    },

    async callback(request) {
      const cookies = parseCookies(request.headers.get("cookie"));
      const flow = await (await sealed).open(cookies[FLOW_COOKIE], "flow");
      const provider = config.providers.get(String(flow?.provider));
      if (!flow || !provider)
        return refusal(
          400,
          "This login has expired or was started in another browser; go back to the app and log in again.",
        );
      const client: oauth.Client = { client_id: provider.clientId };
      const clientAuth = oauth.ClientSecretBasic(provider.clientSecret);
      let claims: Record<string, unknown>;
      try {
        const server = await serverOf(provider);
        const params = oauth.validateAuthResponse(
          server,
          client,
          new URL(request.url),
          String(flow.state),
        );
        const response = await oauth.authorizationCodeGrantRequest(
          server,
          client,
          clientAuth,
          params,
          redirectUri,
          String(flow.verifier),
          options(provider),
        );
        const result = await oauth.processAuthorizationCodeResponse(server, client, response, {
          expectedNonce: String(flow.nonce),
          requireIdToken: true,
        });
        claims = { ...oauth.getValidatedIdTokenClaims(result)! };
        // oauth4webapi checks the claims; the signature is checked here, against the provider's keys.
        await verifySignature(provider, server, result.id_token!);
      } catch (error) {
        log.error(`[edgelit] login with "${provider.name}" failed: ${messageOf(error)}`);
        return refusal(
          400,
          `The login with "${provider.name}" failed; go back to the app and try again.`,
        );
      }
      for (const claim of PROTOCOL_CLAIMS) delete claims[claim];
      let identity = await (await sealed).seal({ claims }, "identity", IDENTITY_SECONDS);
      // A browser drops a cookie past 4 KB: a provider's many claims (groups, roles) give way to
      // the usual profile ones.
      if (identity.length > MAX_COOKIE_CHARS) {
        log.warn(
          `[edgelit] the ID token of "${provider.name}" holds too many claims for a cookie: st.user keeps ${PROFILE_CLAIMS.join(", ")}`,
        );
        const profile: Record<string, unknown> = {};
        for (const claim of PROFILE_CLAIMS) if (claim in claims) profile[claim] = claims[claim];
        identity = await (await sealed).seal({ claims: profile }, "identity", IDENTITY_SECONDS);
      }
      const headers = new Headers({ location: String(flow.returnTo), "cache-control": "no-store" });
      headers.append(
        "set-cookie",
        `${IDENTITY_COOKIE}=${identity}; ${cookieAttributes(request.url, "/", IDENTITY_SECONDS)}`,
      );
      headers.append("set-cookie", `${FLOW_COOKIE}=; ${cookieAttributes(request.url, "/", 0)}`);
      headers.append("set-cookie", loginMarkCookie(request.url));
      return new Response(null, { status: 302, headers });
    },

    logout(request) {
      const headers = new Headers({
        location: returnPath(new URL(request.url)),
        "cache-control": "no-store",
      });
      headers.append("set-cookie", `${IDENTITY_COOKIE}=; ${cookieAttributes(request.url, "/", 0)}`);
      headers.append("set-cookie", loginMarkCookie(request.url));
      return new Response(null, { status: 302, headers });
    },
  };
}

// --- Internal helpers ---

/** The provider `st.login()` without a name means: `[auth]`'s own, or the only one. */
function onlyProvider(config: AuthConfig): string | undefined {
  if (config.providers.has("default")) return "default";
  return config.providers.size === 1 ? [...config.providers.keys()][0] : undefined;
}

/** Where to go back to: a path of this app, never another site. */
function returnPath(url: URL): string {
  const path = url.searchParams.get("return") ?? "/";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

/** Plain http is allowed to a provider on this machine only (development, tests). */
function insecureAllowed(metadataUrl: string): boolean {
  const url = new URL(metadataUrl);
  return url.protocol === "http:" && /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname);
}

function refusal(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
