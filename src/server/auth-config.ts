import type { SecretValue, SecretsTable } from "../runner/run-visit.ts";

/** One OpenID Connect provider the app logs in with. */
export interface AuthProvider {
  /** `default` for the keys of `[auth]` itself, else the name of its `[auth.<name>]` table. */
  readonly name: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The provider's `.well-known/openid-configuration` URL. */
  readonly serverMetadataUrl: string;
  /** Extra authorization parameters (`client_kwargs`): `scope`, `prompt`, …. */
  readonly authorizationParams: Readonly<Record<string, string>>;
}

/** The app's `[auth]` section, read. */
export interface AuthConfig {
  /** Where the provider sends the browser back: its path is served as the callback. */
  readonly redirectUri: URL;
  /** The secret the login cookies are encrypted and signed with. */
  readonly cookieSecret: string;
  readonly providers: ReadonlyMap<string, AuthProvider>;
}

/**
 * A configuration mistake in `[auth]`: its message names the keys, never their values.
 *
 * @example
 * try { readAuthConfig(secrets); } catch (error) { console.error(error.message); }
 */
export class AuthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthConfigError";
  }
}

const PROVIDER_KEYS = ["client_id", "client_secret", "server_metadata_url"] as const;

/**
 * Reads the `[auth]` section of the secrets as Streamlit writes it (`redirect_uri`,
 * `cookie_secret`, `client_id`, `client_secret`, `server_metadata_url`, `client_kwargs`, and named
 * providers in `[auth.<name>]`; camelCase names are read too). Undefined when there is no `[auth]`.
 * Throws an AuthConfigError naming any missing key.
 *
 * @example
 * const auth = readAuthConfig(secrets); // auth?.providers.get("google")
 */
export function readAuthConfig(secrets: SecretsTable): AuthConfig | undefined {
  const section = secrets.auth;
  if (section === undefined) return undefined;
  if (!isTable(section)) throw new AuthConfigError("[auth] in the secrets must be a table.");
  const redirectUri = text(section, "redirect_uri", "[auth]");
  const cookieSecret = text(section, "cookie_secret", "[auth]");
  let redirect: URL;
  try {
    redirect = new URL(redirectUri);
  } catch {
    throw new AuthConfigError(
      "[auth] redirect_uri must be a whole URL, like https://app.example/_edgelit/auth/callback.",
    );
  }
  if (redirect.pathname === "/")
    throw new AuthConfigError(
      "[auth] redirect_uri needs a path of its own (the app's page is at /), like /_edgelit/auth/callback.",
    );
  if (cookieSecret.length < 16)
    throw new AuthConfigError(
      "[auth] cookie_secret must be at least 16 characters of random text.",
    );
  const providers = new Map<string, AuthProvider>();
  if (PROVIDER_KEYS.some((key) => read(section, key) !== undefined))
    providers.set("default", provider("default", section, "[auth]"));
  for (const name in section) {
    const value = section[name]!;
    if (isTable(value) && name !== "client_kwargs" && name !== "clientKwargs")
      providers.set(name, provider(name, value, `[auth.${name}]`));
  }
  if (providers.size === 0)
    throw new AuthConfigError(
      "[auth] names no provider: give it client_id, client_secret and server_metadata_url, or add [auth.<name>] tables with them.",
    );
  return { redirectUri: redirect, cookieSecret, providers };
}

/**
 * The names of the login providers of the secrets' `[auth]` section (what `st.login` accepts),
 * or undefined when there is none.
 *
 * @example
 * authProvidersOf(secrets); // ["default", "microsoft"]
 */
export function authProvidersOf(secrets: SecretsTable | undefined): string[] | undefined {
  const config = secrets && readAuthConfig(secrets);
  return config && [...config.providers.keys()];
}

// --- Internal helpers ---

function provider(name: string, table: SecretsTable, where: string): AuthProvider {
  const kwargs = read(table, "client_kwargs");
  const authorizationParams: Record<string, string> = {};
  if (isTable(kwargs))
    for (const key in kwargs) authorizationParams[key] = String(kwargs[key] as string);
  return {
    name,
    clientId: text(table, "client_id", where),
    clientSecret: text(table, "client_secret", where),
    serverMetadataUrl: text(table, "server_metadata_url", where),
    authorizationParams,
  };
}

/** A key as Streamlit spells it (`client_id`) or in camelCase (`clientId`). */
function read(table: SecretsTable, key: string): SecretValue | undefined {
  const camel = key.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
  return Object.hasOwn(table, key)
    ? table[key]
    : Object.hasOwn(table, camel)
      ? table[camel]
      : undefined;
}

function text(table: SecretsTable, key: string, where: string): string {
  const value = read(table, key);
  if (typeof value !== "string" || value === "")
    throw new AuthConfigError(`${where} in the secrets needs ${key} (text).`);
  return value;
}

function isTable(value: SecretValue | undefined): value is SecretsTable {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
