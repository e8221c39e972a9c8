import { ROUTES } from "../protocol/index.ts";
import { TARGET, type Drawable } from "../elements/core/target.ts";
import { EdgelitApiError } from "../errors/api-error.ts";
import { StopSignal } from "../runner/signals.ts";

/**
 * `st.user`: `isLoggedIn`, and the logged-in user's ID token claims (`email`, `name`, `sub`, …,
 * as the provider gives them). Read anew on every event from the identity cookie.
 */
export interface StUser {
  readonly isLoggedIn: boolean;
  readonly [claim: string]: unknown;
}

/** `st.login`, `st.logout` and `st.user`. */
export interface AuthMembers {
  /**
   * Sends the page to the provider's login (`[auth]` in secrets.toml, or `[auth.<provider>]`); back
   * from it, `st.user` holds the user in every tab. Ends this run.
   * @example if (!st.user.isLoggedIn) { if (st.button("Log in with Google")) st.login("google"); st.stop(); }
   */
  login(provider?: string): never;
  /** Ends the login: every tab sees `st.user.isLoggedIn` false on its next event. Ends this run. @example if (st.button("Log out")) st.logout(); */
  logout(): never;
  /** Who is logged in. @example st.text(st.user.isLoggedIn ? `Hello ${String(st.user.name)}` : "Hello stranger") */
  readonly user: StUser;
}

const LOGGED_OUT: StUser = Object.freeze({ isLoggedIn: false });

/** `st.login`, `st.logout` and `st.user`, once for every `st` (on its prototype). */
export const authMembers = {
  login(provider?: string): never {
    const run = (this as unknown as Drawable)[TARGET].run;
    const providers = run.visit.auth?.providers;
    if (!providers)
      throw new EdgelitApiError(
        "st.login needs an [auth] section in secrets.toml: redirect_uri, cookie_secret, client_id, client_secret and server_metadata_url.",
      );
    if (provider !== undefined && !providers.includes(provider))
      throw new EdgelitApiError(
        `st.login: no provider "${provider}" in [auth]; configured: ${providers.join(", ")}.`,
      );
    const query = new URLSearchParams({ return: run.location.toUrl() });
    if (provider !== undefined) query.set("provider", provider);
    run.navigate(`${ROUTES.authLogin}?${query}`);
    throw new StopSignal();
  },
  logout(): never {
    const run = (this as unknown as Drawable)[TARGET].run;
    const query = new URLSearchParams({ return: run.location.toUrl() });
    run.navigate(`${ROUTES.authLogout}?${query}`);
    throw new StopSignal();
  },
  get user(): StUser {
    const claims = (this as unknown as Drawable)[TARGET].run.visit.user;
    if (!claims) return LOGGED_OUT;
    const user: Record<string, unknown> = Object.assign(Object.create(null), claims);
    user.isLoggedIn = true;
    return Object.freeze(user) as StUser;
  },
};
