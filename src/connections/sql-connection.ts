import type { Table } from "apache-arrow";
import { cacheData, type CachedDataFunction } from "../cache/index.ts";
import { toArrowTable } from "../elements/data/to-arrow.ts";
import { openSqlDriver, type SqlDriver } from "./sql-driver.ts";
import { SqlConnectionError, redact, secretsOf } from "./sql-errors.ts";
import type { SqlConnectionSettings, SqlTarget } from "./sql-settings.ts";

/** Options of {@link SqlConnection.query}. */
export interface SqlQueryOptions {
  /** Values for the query's `?` placeholders, in order; sent apart from the SQL, never spliced in. */
  params?: readonly (string | number | boolean | bigint | null | Date)[];
  /** Seconds the result stays fresh in the shared cache; default the connection's `ttl`, else kept until cleared. `0`: not cached. */
  ttl?: number;
}

type CachedQuery = CachedDataFunction<[string, readonly unknown[]], Table>;

/**
 * A SQL database, opened once per process (or script thread, or isolate) by
 * `st.connection(name, { type: "sql" })`. Query results are cached in the
 * shared store, so every replica runs a query once per `ttl`.
 */
export class SqlConnection {
  private driver: Promise<SqlDriver> | undefined;
  private readonly queries = new Map<number | undefined, CachedQuery>();
  private readonly secrets: string[];

  constructor(
    /** The connection's name, as the app and its secrets call it. */
    readonly name: string,
    private readonly target: SqlTarget,
    private readonly settings: SqlConnectionSettings,
    private readonly env: Readonly<Record<string, unknown>>,
  ) {
    this.secrets = secretsOf("url" in target ? target.url : undefined, settings.password);
    if (settings.authToken) this.secrets.push(String(settings.authToken));
  }

  /** Which database this is: `sqlite`, `postgresql` or `d1`. */
  get dialect(): SqlTarget["dialect"] {
    return this.target.dialect;
  }

  /**
   * Runs `sql` and returns its rows as an Apache Arrow Table, which
   * `st.dataframe` shows from the stored batches as it is (`table.toArray()`
   * gives the rows as objects). The result is cached in the shared store by
   * the connection's name, the SQL and the parameters: every replica and
   * session reads it from there until its `ttl` passes. A failing query
   * throws a `SqlConnectionError` naming the connection, never its password.
   *
   * @example
   * const db = st.connection("sales", { type: "sql", url: "sqlite:///sales.db" });
   * st.dataframe(await db.query("select * from orders where region = ?", { params: [region], ttl: 600 }));
   */
  query(sql: string, options: SqlQueryOptions = {}): Promise<Table> {
    const ttl = options.ttl ?? this.settings.ttl;
    if (ttl === 0) return this.run(String(sql), [...(options.params ?? [])]);
    let cached = this.queries.get(ttl);
    if (!cached) {
      // One cache name per connection: a query's entry is the same whatever ttl asked for it.
      cached = cacheData((text: string, params: readonly unknown[]) => this.run(text, params), {
        name: `edgelit.connection:${this.name}`,
        ttl,
      });
      this.queries.set(ttl, cached);
    }
    return cached(String(sql), [...(options.params ?? [])]);
  }

  /** Closes the database; the next query opens it again. */
  async close(): Promise<void> {
    const driver = this.driver;
    this.driver = undefined;
    await (await driver?.catch(() => undefined))?.close();
  }

  private async run(sql: string, params: readonly unknown[]): Promise<Table> {
    let rows: Record<string, unknown>[];
    try {
      this.driver ??= openSqlDriver(this.target, this.env, `st.connection("${this.name}")`);
      this.driver.catch(() => (this.driver = undefined));
      rows = await (await this.driver).all(sql, params);
    } catch (error) {
      throw this.failure(error);
    }
    return toArrowTable(rows, `st.connection("${this.name}").query`);
  }

  private failure(error: unknown): SqlConnectionError {
    const message = error instanceof Error ? error.message : String(error);
    const where = `st.connection("${this.name}")`;
    // Messages of edgelit's own (a driver to install) name the connection already.
    const shown = message.startsWith(where) ? message : `${where} (${this.dialect}): ${message}`;
    return new SqlConnectionError(redact(shown, this.secrets));
  }
}
