import { TARGET, type Drawable } from "../elements/core/target.ts";
import { EdgelitApiError } from "../errors/api-error.ts";
import { registerSecretValues, SECRET_NAME } from "../errors/secret-redaction.ts";
import type { RunEnv } from "../runner/script-run.ts";
import type { SecretValue, SecretsTable } from "../runner/run-visit.ts";

export type { SecretValue, SecretsTable } from "../runner/run-visit.ts";

/**
 * The app's own secrets, typed: declare them once and `st.secrets.db.password` is a string.
 * Left empty, read them with `get`, `string` and `table`.
 *
 * @example
 * declare module "edgelit" {
 *   interface DeclaredSecrets { OPENAI_KEY: string; connections: { db: { host: string } } }
 * }
 */
// oxlint-disable-next-line no-empty-interface -- filled by the app's declaration merging
export interface DeclaredSecrets {}

/** `st.secrets`'s methods, on the whole table and on every table in it. */
export interface SecretsMethods {
  /** The value of `name`, or undefined. A table comes back as secrets of its own. @example st.secrets.get("API_URL") ?? "http://127.0.0.1" */
  get(name: string): SecretValue | Secrets | undefined;
  /** True when `name` is set. @example if (st.secrets.has("SENTRY_DSN")) { ... } */
  has(name: string): boolean;
  /** The text of `name`; throws naming the key when it is missing or not text. @example const token = st.secrets.string("API_TOKEN"); */
  string(name: string): string;
  /** The table `name`; throws naming the key when it is missing or not a table. @example const db = st.secrets.table("connections").table("db"); */
  table(name: string): Secrets;
  /** The names set here. @example st.write(st.secrets.keys()) */
  keys(): string[];
}

/**
 * `st.secrets`: read-only. Looked up in the environment first (`process.env` under the CLI, the
 * Worker's bindings on Workers), then `.env`, then `secrets.toml`. A key read as a property that
 * is not set throws an error naming it (never a value).
 */
export type Secrets = SecretsMethods & DeclaredSecrets;

/**
 * `st.secrets` over the run's environment and the secrets loaded from files. Only text values of
 * the environment count (a Worker's KV binding is not a secret).
 *
 * @example
 * const secrets = createSecrets({ TOKEN: "abc" }, { connections: { db: { host: "h" } } });
 * secrets.string("TOKEN"); // "abc"
 */
export function createSecrets(env: RunEnv, files: SecretsTable): Secrets {
  const top = (name: string): SecretValue | undefined => {
    const fromEnv = Object.hasOwn(env, name) ? env[name] : undefined;
    if (typeof fromEnv === "string") {
      // A value the app reads is hidden from error messages and logs from now on.
      registerSecretValues([fromEnv], { named: SECRET_NAME.test(name) });
      return fromEnv;
    }
    return Object.hasOwn(files, name) ? files[name] : undefined;
  };
  const names = () => {
    const all = new Set(Object.keys(files));
    for (const name in env) if (typeof env[name] === "string") all.add(name);
    return [...all];
  };
  return secretsView(top, names, "");
}

/**
 * `st.secrets`, once for every `st` (on its prototype), made on each read from the run the
 * handle draws into.
 */
export const secretsMembers = {
  get secrets(): Secrets {
    const run = (this as unknown as Drawable)[TARGET].run;
    return createSecrets(run.env, run.visit.secrets);
  },
};

// --- Internal helpers ---

const METHODS = new Set(["get", "has", "string", "table", "keys", "toJSON", "then"]);

/** A read-only view of one table: its methods, and its keys as properties. */
function secretsView(
  lookup: (name: string) => SecretValue | undefined,
  names: () => string[],
  prefix: string,
): Secrets {
  const wrap = (name: string, value: SecretValue | undefined) =>
    isTable(value) ? tableView(value, `${prefix}${name}.`) : value;
  const get = (name: string) => wrap(name, lookup(name));
  const methods: SecretsMethods & { toJSON(): string } = {
    get,
    has: (name) => lookup(name) !== undefined,
    string(name) {
      const value = lookup(name);
      if (typeof value !== "string") throw missing(prefix + name, value);
      return value;
    },
    table(name) {
      const value = lookup(name);
      if (!isTable(value)) throw missing(prefix + name, value, "a table");
      return tableView(value, `${prefix}${name}.`);
    },
    keys: names,
    // Shown with st.write or JSON.stringify, secrets show their names only.
    toJSON: () => `[secrets: ${names().join(", ")}]`,
  };
  return new Proxy(methods, {
    get(target, property) {
      if (typeof property === "symbol" || METHODS.has(property))
        return Reflect.get(target, property) as unknown;
      const value = lookup(property);
      if (value === undefined) throw missing(prefix + property, value);
      return wrap(property, value);
    },
    has: (_, property) => typeof property === "string" && lookup(property) !== undefined,
    ownKeys: () => names(),
    getOwnPropertyDescriptor: (_, property) =>
      typeof property === "string" && lookup(property) !== undefined
        ? { enumerable: true, configurable: true, value: get(property) }
        : undefined,
    set: () => {
      throw new EdgelitApiError("st.secrets is read-only.");
    },
    deleteProperty: () => {
      throw new EdgelitApiError("st.secrets is read-only.");
    },
  }) as unknown as Secrets;
}

function tableView(table: SecretsTable, prefix: string): Secrets {
  return secretsView(
    (name) => (Object.hasOwn(table, name) ? table[name] : undefined),
    () => Object.keys(table),
    prefix,
  );
}

function isTable(value: SecretValue | undefined): value is SecretsTable {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function missing(key: string, value: SecretValue | undefined, wanted = "text"): EdgelitApiError {
  return new EdgelitApiError(
    value === undefined
      ? `st.secrets has no "${key}": set it in the environment, in .env or in .streamlit/secrets.toml.`
      : `st.secrets "${key}" is not ${wanted}.`,
  );
}
