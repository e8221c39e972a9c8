/**
 * Settings of connections as a secrets file holds them, in Streamlit's shape:
 * `[connections.<name>]` tables.
 */
export interface ConnectionSecrets {
  connections?: Record<string, Readonly<Record<string, unknown>>>;
}

/** On globalThis, so the app's copy of `src` and the server's read the same settings. */
const STATE_KEY = Symbol.for("edgelit.connectionSecrets");
const holder = globalThis as Record<symbol, ConnectionSecrets | undefined>;

/**
 * Sets the secrets connections read their settings from (AppTest, and the
 * server once secrets are loaded). `undefined` goes back to none.
 *
 * @example setConnectionSecrets({ connections: { sales: { url: "sqlite:///sales.db" } } });
 */
export function setConnectionSecrets(secrets: ConnectionSecrets | undefined): void {
  holder[STATE_KEY] = secrets;
}

/**
 * The settings of connection `name` from the secrets (`[connections.<name>]`),
 * or an empty object. The one place connections read secrets from.
 *
 * @example const { url } = connectionSecrets("sales");
 */
export function connectionSecrets(name: string): Readonly<Record<string, unknown>> {
  return holder[STATE_KEY]?.connections?.[name] ?? {};
}
