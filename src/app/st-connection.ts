import { connection, type ConnectionOptions, type SqlConnection } from "../connections/index.ts";
import { TARGET, type Drawable } from "../elements/core/target.ts";

/** `st.connection`, once for every `st` (on its prototype). */
export const connectionMembers = {
  /**
   * A connection to the database `name`, made once per process (per script
   * thread, per Worker isolate) and shared by every session: its settings
   * are those of `[connections.<name>]` in the secrets, overridden by
   * `options`. SQLite needs `npm install @libsql/client`, PostgreSQL
   * `npm install pg`; D1 names the Worker's binding. `query()` results are
   * cached in the shared store, so replicas run a query once per `ttl`.
   *
   * @example
   * const db = st.connection("sales", { type: "sql", url: "sqlite:///sales.db" });
   * st.dataframe(await db.query("select * from orders where region = ?", { params: ["EU"], ttl: 600 }));
   */
  connection(name: string, options: ConnectionOptions = {}): SqlConnection {
    const run = (this as unknown as Drawable)[TARGET].run;
    // `[connections.<name>]` of the secrets files (st.secrets), under the options the app gives.
    const tables = run.visit.secrets.connections;
    const table = isTable(tables) ? tables[name] : undefined;
    const fromSecrets = isTable(table) ? (table as ConnectionOptions) : {};
    return connection(name, { ...fromSecrets, ...options }, run.env);
  },
};

function isTable(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
