import { CONFIG_KEYS, type ConfigKey, type ConfigKeyName } from "../../../src/config/index.ts";

/**
 * The naming rule, one for every key: `maxEventBytes` is the flag `--max-event-bytes` and the
 * environment variable `EDGELIT_MAX_EVENT_BYTES`.
 *
 * @example
 * flagOf("sessionTtlSeconds"); // "--session-ttl-seconds"
 */
export function flagOf(name: ConfigKeyName): string {
  return `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * The environment variable of a key: EDGELIT_ and its name in capitals.
 *
 * @example
 * envOf("maxEventBytes"); // "EDGELIT_MAX_EVENT_BYTES"
 */
export function envOf(name: ConfigKeyName): string {
  return `EDGELIT_${name.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`;
}

/** Every key with its checks, in the table's order. */
export function configKeys(): [ConfigKeyName, ConfigKey<unknown>][] {
  return Object.entries(CONFIG_KEYS) as [ConfigKeyName, ConfigKey<unknown>][];
}

/**
 * The value `written` (by a flag or an environment variable called `source`) means for `name`;
 * throws `<source> must be <what>, got "<written>"` when it means none.
 */
export function parseWritten(name: ConfigKeyName, written: string, source: string): unknown {
  const key: ConfigKey<unknown> = CONFIG_KEYS[name];
  const value = key.parse(written);
  if (value === undefined)
    throw new Error(
      `${source} must be ${key.expected}, got ${key.secret ? `${written.length} characters` : JSON.stringify(written)}`,
    );
  return value;
}
