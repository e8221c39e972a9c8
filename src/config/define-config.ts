import type { ConfigKey } from "./config-key.ts";
import { describeValue, describeValueOf } from "./config-key.ts";
import { CLI_ONLY_KEYS, CONFIG_KEYS, type ConfigKeyName } from "./config-keys.ts";

type ValueOf<Key> = Key extends ConfigKey<infer Value> ? Value : never;

/**
 * edgelit's options, as `edgelit.config.ts` exports them. Each is also a flag and an environment
 * variable (see the README's table); a flag wins over the environment, which wins over the file.
 */
export type EdgelitConfig = {
  [Name in ConfigKeyName]?: ValueOf<(typeof CONFIG_KEYS)[Name]>;
};

/** The options a server takes, whatever runs it: the config without the CLI's own keys. */
export type ServerConfig = Omit<EdgelitConfig, (typeof CLI_ONLY_KEYS)[number]>;

/** A config that is not valid: its message names the key and says what it should be. */
export class EdgelitConfigError extends Error {
  override name = "EdgelitConfigError";
}

/**
 * Checks a config and returns it, typed. Use it as the default export of `edgelit.config.ts`;
 * a Worker's entry imports the same file and hands it to `createWorker`.
 *
 * @example
 * export default defineConfig({ port: 8080, storage: "redis://127.0.0.1:6379" });
 */
export function defineConfig(config: EdgelitConfig): EdgelitConfig {
  return checkConfig(config);
}

/**
 * `config` when it is a valid config, else throws an {@link EdgelitConfigError} naming the first
 * unknown key (and the valid ones) or the first key of the wrong type (and what it should be).
 *
 * @example
 * checkConfig(JSON.parse(text));
 */
export function checkConfig(config: unknown): EdgelitConfig {
  if (typeof config !== "object" || config === null || Array.isArray(config))
    throw new EdgelitConfigError(
      `a config must be an object such as defineConfig({ port: 8501 }), got ${describeValue(config)}`,
    );
  for (const [name, value] of Object.entries(config)) {
    if (!Object.hasOwn(CONFIG_KEYS, name))
      throw new EdgelitConfigError(
        `unknown key "${name}"; the keys are ${Object.keys(CONFIG_KEYS).join(", ")}`,
      );
    const key: ConfigKey<unknown> = CONFIG_KEYS[name as ConfigKeyName];
    if (value !== undefined && !key.check(value))
      throw new EdgelitConfigError(
        `${name} must be ${key.expected}, got ${describeValueOf(key, value)}`,
      );
  }
  return config as EdgelitConfig;
}

/**
 * The options a server takes from a config (or from any object holding config keys among
 * others): the CLI's own keys (app, port, host, storage) and whatever is not a config key left
 * out, and unset keys absent so the server's defaults apply.
 *
 * @example
 * createServer({ ...serverConfigOf(config), app, storage });
 */
export function serverConfigOf(config: ServerConfig): ServerConfig {
  const server: Record<string, unknown> = {};
  for (const name of Object.keys(CONFIG_KEYS) as ConfigKeyName[]) {
    const value = (config as EdgelitConfig)[name];
    if (value !== undefined && !(CLI_ONLY_KEYS as readonly string[]).includes(name))
      server[name] = value;
  }
  return server as ServerConfig;
}
