import type { ConfigKeyName, EdgelitConfig } from "../../../src/config/index.ts";
import { configKeys, envOf, parseWritten } from "./config-names.ts";

/**
 * Other names a key is read from, after its EDGELIT_ name: those hosting platforms set
 * (PORT, HOST) and those of a store (REDIS_URL).
 */
const ALIASES: Partial<Record<ConfigKeyName, string[]>> = {
  port: ["PORT"],
  host: ["HOST"],
  storage: ["REDIS_URL"],
};

/**
 * The options set by environment variables: each key's EDGELIT_ name, else its aliases, and
 * Upstash as the store when UPSTASH_REDIS_REST_URL is set. An empty variable counts as unset.
 * Throws `PORT must be a port number (0-65535), got "abc"` on a value that means nothing.
 *
 * @example
 * configFromEnv({ PORT: "8080" }); // { port: 8080 }
 */
export function configFromEnv(env: Record<string, string | undefined>): EdgelitConfig {
  const config: Record<string, unknown> = {};
  for (const [name] of configKeys()) {
    const variable = [envOf(name), ...(ALIASES[name] ?? [])].find((candidate) => env[candidate]);
    if (variable) config[name] = parseWritten(name, env[variable]!, variable);
  }
  if (config.storage === undefined && env.UPSTASH_REDIS_REST_URL) config.storage = "upstash";
  return config as EdgelitConfig;
}

/** The environment variables a key is read from, for the help and the README. */
export function envNamesOf(name: ConfigKeyName): string[] {
  return [envOf(name), ...(ALIASES[name] ?? [])];
}
