import { parse as parseToml, TomlError } from "smol-toml";
import { SECRET_NAME } from "../errors/secret-redaction.ts";
import type { SecretValue, SecretsTable } from "../runner/run-visit.ts";

/**
 * A secrets file that cannot be read as TOML or as a `.env` file. Its message names the file,
 * the line and column and what is wrong, never a value of the file.
 *
 * @example
 * try { parseSecretsToml(text, ".streamlit/secrets.toml"); } catch (error) { console.error(error.message); }
 */
export class SecretsFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}:${line}: ${reason} (the file's values are not shown)`);
    this.name = "SecretsFileError";
  }
}

/**
 * Reads a `secrets.toml` as Streamlit's (nested tables, arrays, dates as ISO text).
 *
 * @example
 * const secrets = parseSecretsToml('[connections.db]\nhost = "127.0.0.1"', "secrets.toml");
 */
export function parseSecretsToml(text: string, file: string): SecretsTable {
  try {
    return toSecretsTable(parseToml(text));
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    // smol-toml's message quotes the lines around the mistake: keep only its first line, the reason.
    const reason = error.message.split("\n")[0]!.replace(/^Invalid TOML document:\s*/, "");
    throw new SecretsFileError(file, error.line, `${reason} (column ${error.column})`);
  }
}

/**
 * Reads a `.env` file: `NAME=value` lines, `export ` allowed, `#` comments, values bare or in
 * single or double quotes (`\n` in double quotes is a new line).
 *
 * @example
 * parseDotEnv('API_TOKEN="abc"\n# a comment\nDEBUG=1', ".env"); // { API_TOKEN: "abc", DEBUG: "1" }
 */
export function parseDotEnv(text: string, file: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) throw new SecretsFileError(file, index + 1, "expected NAME=value");
    values[match[1]!] = dotEnvValue(match[2]!, file, index + 1);
  }
  return values;
}

/**
 * The string values of `table` kept under a name that says they are secret
 * (`password`, `token`, `cookie_secret`, ...; see SECRET_NAME), however short:
 * they are hidden even below the length other values need.
 *
 * @example
 * registerSecretValues(namedSecretValuesOf(secrets), { named: true });
 */
export function namedSecretValuesOf(table: SecretsTable): string[] {
  const values: string[] = [];
  const visit = (value: SecretValue, named: boolean) => {
    if (typeof value === "string") {
      if (named) values.push(value);
    } else if (Array.isArray(value)) for (const item of value) visit(item, named);
    else if (typeof value === "object")
      for (const key in value) visit((value as SecretsTable)[key]!, named || SECRET_NAME.test(key));
  };
  visit(table, false);
  return values;
}

/**
 * Every string, number and date among a table's values, for hiding them from error messages
 * and logs (see registerSecretValues).
 *
 * @example
 * registerSecretValues(secretValuesOf(secrets));
 */
export function secretValuesOf(table: SecretsTable): string[] {
  const values: string[] = [];
  const visit = (value: SecretValue) => {
    if (typeof value === "string") values.push(value);
    else if (Array.isArray(value)) for (const item of value) visit(item);
    else if (typeof value === "object")
      for (const key in value) visit((value as SecretsTable)[key]!);
  };
  visit(table);
  return values;
}

// --- Internal helpers ---

function dotEnvValue(raw: string, file: string, line: number): string {
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    const end = raw.indexOf(quote, 1);
    if (end < 0)
      throw new SecretsFileError(file, line, `a value opened with ${quote} is not closed`);
    const inner = raw.slice(1, end);
    return quote === '"' ? inner.replace(/\\n/g, "\n").replace(/\\(["\\])/g, "$1") : inner;
  }
  // A bare value ends at a comment.
  return raw.replace(/\s+#.*$/, "").trim();
}

/** smol-toml's result as plain, frozen secrets: dates as ISO text, tables without prototypes. */
function toSecretsTable(parsed: Record<string, unknown>): SecretsTable {
  const table: Record<string, SecretValue> = Object.create(null);
  for (const key in parsed) table[key] = toSecretValue(parsed[key]);
  return Object.freeze(table);
}

function toSecretValue(value: unknown): SecretValue {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return Object.freeze(value.map(toSecretValue));
  if (typeof value === "object" && value !== null)
    return toSecretsTable(value as Record<string, unknown>);
  return value as string | number | boolean;
}
