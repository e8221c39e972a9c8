import { createDatabase } from "db0";
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
 * loaded here, on first use, through Node's `require` found at run time, so
 * edgelit loads without them and a Worker bundle neither pulls them in nor
 * holds an `import()` of a computed name (which workerd refuses).
 */
export async function openSqlDriver(
  target: SqlTarget,
  env: Readonly<Record<string, unknown>>,
  where: string,
): Promise<SqlDriver> {
  if (target.dialect === "d1") return d1Driver(env[target.binding], target.binding, where);
  const lib = loadDriver(DRIVER_PACKAGE[target.dialect], where);
  const connectorModule =
    target.dialect === "sqlite" ? "db0/connectors/libsql/node" : "db0/connectors/postgresql";
  const connector = loadModule<{ default: (options: Record<string, unknown>) => unknown }>(
    connectorModule,
    where,
  );
  const options: Record<string, unknown> = { url: target.url, lib };
  if (target.dialect === "sqlite" && target.authToken) options.authToken = target.authToken;
  const database = createDatabase(connector.default(options) as never);
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

type NodeRequire = (id: string) => unknown;

/** Node's `require`, from where this file is (the app's node_modules are above it). */
function nodeRequire(where: string): NodeRequire {
  const builtins = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
    .process;
  const nodeModule = builtins?.getBuiltinModule?.("node:module") as
    | { createRequire(from: string): NodeRequire }
    | undefined;
  if (!nodeModule)
    throw new Error(
      `${where}: SQLite and PostgreSQL connections need Node; on Workers use D1 (dialect "d1").`,
    );
  return nodeModule.createRequire(import.meta.url);
}

function loadModule<T>(specifier: string, where: string): T {
  return nodeRequire(where)(specifier) as T;
}

/** The driver package `name`, or an error that says to install it. */
export function loadDriver(name: string, where: string): unknown {
  try {
    return loadModule(name, where);
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
