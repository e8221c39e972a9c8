import { EdgelitApiError } from "../errors/api-error.ts";
import { connectionSecrets } from "./connection-secrets.ts";
import { SqlConnection } from "./sql-connection.ts";
import { toSqlTarget, type SqlConnectionSettings } from "./sql-settings.ts";

/** Options of `st.connection`: the kind of connection and its settings. */
export type ConnectionOptions = SqlConnectionSettings;

/**
 * Connections made in this process, by name and settings: made once, as
 * `cacheResource` would (per script thread, per isolate). On globalThis, so
 * the app's copy of `src` and the server's share them.
 */
const MADE_KEY = Symbol.for("edgelit.connections");
const made = ((globalThis as Record<symbol, unknown>)[MADE_KEY] ??= new Map()) as Map<
  string,
  SqlConnection
>;

/**
 * The connection `name`, made on first use with its settings: those of the
 * secrets' `[connections.<name>]`, overridden by `options`.
 */
export function connection(
  name: string,
  options: ConnectionOptions,
  env: Readonly<Record<string, unknown>>,
): SqlConnection {
  if (typeof name !== "string" || name === "")
    throw new EdgelitApiError(
      'st.connection needs a name: st.connection("sales", { type: "sql" })',
    );
  const settings = { ...connectionSecrets(name), ...options } as SqlConnectionSettings;
  const type = settings.type ?? "sql";
  if (type !== "sql")
    throw new EdgelitApiError(
      `st.connection("${name}"): type "${String(type)}" is not one edgelit has; "sql" is (SQLite, PostgreSQL, D1).`,
    );
  const key = `${name}\u0000${JSON.stringify(settings, Object.keys(settings).sort())}`;
  let known = made.get(key);
  if (!known) {
    known = new SqlConnection(name, toSqlTarget(name, settings), settings, env);
    made.set(key, known);
  }
  return known;
}

/** Closes and forgets every connection of this process (tests; a dev reload). */
export async function closeConnections(): Promise<void> {
  const open = [...made.values()];
  made.clear();
  await Promise.all(open.map((each) => each.close()));
}
