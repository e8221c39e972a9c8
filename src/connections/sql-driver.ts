import type { SqlTarget } from "./sql-settings.ts";

/** One open database, whatever the driver: what a SQL connection queries. */
export interface SqlDriver {
  /** The rows `sql` returns, `?` marking each of `params` in order. */
  all(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** The npm package each dialect needs, which the app installs (edgelit does not depend on it). */
const DRIVER_PACKAGE = { sqlite: "@libsql/client", postgresql: "pg" } as const;

/**
 * Opens `target` through db0's connector for it (libsql for SQLite, pg for
 * PostgreSQL), or the Worker's D1 binding from `env`. Driver packages are
 * imported here, on first use, by a name the bundler does not follow, so
 * edgelit loads without them and a Worker bundle does not pull them in.
 */
export async function openSqlDriver(
  target: SqlTarget,
  env: Readonly<Record<string, unknown>>,
  where: string,
): Promise<SqlDriver> {
  if (target.dialect === "d1") return d1Driver(env[target.binding], target.binding, where);
  const lib = await importDriver(DRIVER_PACKAGE[target.dialect], where);
  const connectorModule =
    target.dialect === "sqlite" ? "db0/connectors/libsql/node" : "db0/connectors/postgresql";
  const [{ createDatabase }, connector] = await Promise.all([
    importModule<typeof import("db0")>("db0"),
    importModule<{ default: (options: Record<string, unknown>) => unknown }>(connectorModule),
  ]);
  const database = createDatabase(connector.default({ url: target.url, lib }) as never);
  return {
    async all(sql, params) {
      const rows = await database.prepare(sql).all(...(params as never[]));
      // libsql's rows are objects of their own class: plain records for the table.
      return (rows as Record<string, unknown>[]).map((row) => Object.assign({}, row));
    },
    close: () => database.dispose(),
  };
}

// --- Internal helpers ---

/** `import(specifier)` through a variable: bundlers leave it to run time. */
function importModule<T>(specifier: string): Promise<T> {
  return import(/* @vite-ignore */ specifier) as Promise<T>;
}

async function importDriver(name: string, where: string): Promise<unknown> {
  try {
    return await importModule(name);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new Error(
        `${where} needs the npm package "${name}", which is not installed: run \`npm install ${name}\` in the app's project.`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** The D1 API edgelit uses. */
interface D1Binding {
  prepare(sql: string): {
    bind(...values: unknown[]): { all(): Promise<{ results: Record<string, unknown>[] }> };
  };
}

function d1Driver(binding: unknown, name: string, where: string): SqlDriver {
  if (typeof (binding as D1Binding | undefined)?.prepare !== "function")
    throw new Error(
      `${where}: the Worker has no D1 binding named "${name}" (see wrangler.toml's [[d1_databases]]).`,
    );
  const d1 = binding as D1Binding;
  return {
    async all(sql, params) {
      return (
        await d1
          .prepare(sql)
          .bind(...params)
          .all()
      ).results;
    },
    close: async () => {},
  };
}
