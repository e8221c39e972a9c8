import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseDotEnv, parseSecretsToml, SecretsFileError } from "../../src/app/secrets-files.ts";
import type { SecretValue, SecretsTable } from "../../src/runner/run-visit.ts";

/** Where a project keeps its secrets: Streamlit's file first, then one beside the app. */
const TOML_FILES = [".streamlit/secrets.toml", "secrets.toml"];

/**
 * The secrets of the project in `dir`, as `st.secrets` reads them under the environment: `.env`
 * over `secrets.toml` (`secretsFile` when given, else `.streamlit/secrets.toml` over
 * `secrets.toml`). Throws a SecretsFileError naming the file and line of a malformed file, and
 * one for a `secretsFile` that does not exist.
 *
 * @example
 * const secrets = loadProjectSecrets(process.cwd(), settings.secretsFile);
 */
export function loadProjectSecrets(dir: string, secretsFile?: string): SecretsTable {
  const tomlFiles = secretsFile === undefined ? TOML_FILES.toReversed() : [secretsFile];
  const merged: Record<string, SecretValue> = {};
  for (const name of tomlFiles) {
    const file = resolve(dir, name);
    const shown = relative(dir, file) || file;
    if (!existsSync(file)) {
      if (secretsFile !== undefined)
        throw new SecretsFileError(shown, 0, "no such secrets file (secretsFile)");
      continue;
    }
    Object.assign(merged, parseSecretsToml(readFileSync(file, "utf8"), shown));
  }
  const dotEnv = join(dir, ".env");
  if (existsSync(dotEnv)) Object.assign(merged, parseDotEnv(readFileSync(dotEnv, "utf8"), ".env"));
  return Object.freeze(merged);
}
