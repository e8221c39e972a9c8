import { EdgelitApiError } from "../errors/api-error.ts";

/** The SQL databases edgelit connects to, and the driver each needs. */
export type SqlDialect = "sqlite" | "postgresql" | "d1";

/**
 * Settings of a SQL connection, as `st.connection(name, { type: "sql", ... })`
 * or `[connections.<name>]` in the secrets give them (Streamlit's names).
 */
export interface SqlConnectionSettings {
  type?: "sql";
  /**
   * Where the database is: `sqlite:///data.db` (a path from the working
   * folder; `sqlite:////abs/data.db` absolute), `file:data.db` or a libsql URL,
   * `postgresql://user:password@host:5432/db`. Takes precedence over the parts below.
   */
  url?: string;
  /** `sqlite`, `postgresql` or `d1`; read from the url when one is given. */
  dialect?: string;
  /** The database: a file for SQLite, a name for PostgreSQL. */
  database?: string;
  host?: string;
  port?: number | string;
  username?: string;
  password?: string;
  /** A libsql server's token (Turso), for `libsql://` urls. */
  authToken?: string;
  /** The Worker's D1 binding (in `st.context.env`), for `dialect: "d1"`. */
  binding?: string;
  /** Seconds a query's result stays fresh in the shared cache (`0`: not cached). Default: kept until cleared. */
  ttl?: number;
}

/** Where to connect, as the drivers take it. */
export type SqlTarget =
  | { dialect: "sqlite"; url: string; authToken?: string }
  | { dialect: "postgresql"; url: string }
  | { dialect: "d1"; binding: string };

/** Reads the dialect and address from the settings; throws a message that names the connection. */
export function toSqlTarget(name: string, settings: SqlConnectionSettings): SqlTarget {
  const where = `st.connection("${name}")`;
  if (settings.url !== undefined) {
    const url = String(settings.url);
    const scheme = url.slice(0, Math.max(0, url.indexOf(":"))).toLowerCase();
    // SQLAlchemy's "dialect+driver": the driver part names a Python package, not ours.
    const dialect = scheme.split("+")[0];
    if (dialect === "sqlite") return { dialect: "sqlite", url: sqliteFile(url) };
    if (dialect === "file" || dialect === "libsql") {
      const authToken = settings.authToken === undefined ? undefined : String(settings.authToken);
      return authToken ? { dialect: "sqlite", url, authToken } : { dialect: "sqlite", url };
    }
    if (dialect === "postgresql" || dialect === "postgres")
      return { dialect: "postgresql", url: `postgresql${url.slice(scheme.length)}` };
    throw new EdgelitApiError(
      `${where}: the url's scheme "${scheme}" is not one edgelit connects to (sqlite://, file:, libsql://, postgresql://).`,
    );
  }
  const dialect = String(settings.dialect ?? "").toLowerCase();
  if (dialect === "d1") {
    if (!settings.binding)
      throw new EdgelitApiError(`${where}: dialect "d1" needs a binding name.`);
    return { dialect: "d1", binding: String(settings.binding) };
  }
  if (dialect === "sqlite") {
    const database = settings.database ? String(settings.database) : ":memory:";
    return { dialect: "sqlite", url: database === ":memory:" ? ":memory:" : `file:${database}` };
  }
  if (dialect === "postgresql" || dialect === "postgres") {
    const url = new URL("postgresql://localhost");
    if (settings.host) url.hostname = String(settings.host);
    if (settings.port) url.port = String(settings.port);
    if (settings.username) url.username = encodeURIComponent(String(settings.username));
    if (settings.password) url.password = encodeURIComponent(String(settings.password));
    if (settings.database) url.pathname = `/${encodeURIComponent(String(settings.database))}`;
    return { dialect: "postgresql", url: url.href };
  }
  throw new EdgelitApiError(
    `${where} needs a url, or a dialect (sqlite, postgresql or d1): give them in st.connection's options or in [connections.${name}] of the secrets.`,
  );
}

/** SQLAlchemy's `sqlite:///relative.db`, `sqlite:////absolute.db` and `sqlite://` (in memory) as libsql's. */
function sqliteFile(url: string): string {
  const path = url.replace(/^[^:]*:\/\/\//, "");
  if (path === url || path === "" || path === ":memory:") return ":memory:";
  return `file:${path}`;
}
