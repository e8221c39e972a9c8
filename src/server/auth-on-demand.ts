import type { AuthConfig } from "./auth-config.ts";
import type { Auth } from "./auth-routes.ts";
import type { IdentityReader } from "./request-facts.ts";
import type { ServerLog } from "./server-log.ts";

/** {@link Auth} whose code (oauth4webapi, jose) loads with its first use. */
export interface OnDemandAuth {
  identity: IdentityReader;
  login(request: Request): Promise<Response>;
  callback(request: Request): Promise<Response>;
  logout(request: Request): Promise<Response>;
}

/**
 * The login routes of an app with an `[auth]` section, loaded when a request first needs them:
 * a server starts without the OpenID and JWT libraries, which most events never use.
 *
 * @example
 * const auth = createAuthOnDemand(readAuthConfig(secrets)!, log);
 * h3.get(ROUTES.authLogin, (event) => auth.login(event.req));
 */
export function createAuthOnDemand(config: AuthConfig, log: ServerLog): OnDemandAuth {
  let auth: Promise<Auth> | undefined;
  const loaded = () =>
    (auth ??= import("./auth-routes.ts").then(({ createAuth }) => createAuth(config, log)));
  return {
    identity: async (cookies) => (await loaded()).identity(cookies),
    login: async (request) => (await loaded()).login(request),
    callback: async (request) => (await loaded()).callback(request),
    logout: async (request) => (await loaded()).logout(request),
  };
}
