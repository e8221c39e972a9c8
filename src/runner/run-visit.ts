/** A value of a secrets file: TOML's strings, numbers, booleans, dates (as ISO text), arrays and tables. */
export type SecretValue = string | number | boolean | readonly SecretValue[] | SecretsTable;

/** A table of secrets, as `secrets.toml` (or `.env`, flat) holds it. */
export interface SecretsTable {
  readonly [key: string]: SecretValue;
}

/** What the server read of the HTTP request that brought this event. */
export interface VisitRequest {
  /** The request's headers, names in lower case; `cookie` and `authorization` left out. */
  readonly headers: Readonly<Record<string, string>>;
  /** The request's cookies by name; edgelit's own (the login) left out. */
  readonly cookies: Readonly<Record<string, string>>;
  /** The page's whole URL (origin, path, query), as the browser shows it. */
  readonly url: string;
  /** The client's address: the peer's, or with `trustProxy` the one the proxy names. */
  readonly ipAddress: string | undefined;
}

/** What the page says of the browser it runs in (sent with every event). */
export interface VisitBrowser {
  /** The browser's language, a BCP 47 tag (`en-US`). */
  readonly locale?: string;
  /** The IANA time zone (`Europe/Paris`). */
  readonly timezone?: string;
  /** Minutes to add to local time to get UTC (JavaScript's `getTimezoneOffset`). */
  readonly timezoneOffset?: number;
  /** The page's theme as shown. */
  readonly theme?: "light" | "dark";
  /** True when the page is shown in a frame of another page. */
  readonly isEmbedded?: boolean;
}

/**
 * What one run knows of who and where it runs for, besides the runtime's bindings: the secrets
 * loaded at start, this event's request, its browser, and the logged-in user. Made per event.
 */
export interface RunVisit {
  /** Secrets from files (`.env` over `secrets.toml`); the run's `env` lies over them. */
  readonly secrets: SecretsTable;
  readonly request?: VisitRequest;
  readonly browser?: VisitBrowser;
  /** The ID token claims of the logged-in user; undefined when nobody is logged in. */
  readonly user?: Readonly<Record<string, unknown>>;
  /** The app's `[auth]` section, when login is configured (see `st.login`). */
  readonly auth?: AuthLinks;
}

/** How a run starts a login or a logout: the page is sent to one of these paths. */
export interface AuthLinks {
  /** The providers configured, by name (`default` for `[auth]` alone). */
  readonly providers: readonly string[];
}

/** A visit with no request, browser or user: a run made outside any HTTP request. */
export const EMPTY_VISIT: RunVisit = Object.freeze({ secrets: Object.freeze({}) });
