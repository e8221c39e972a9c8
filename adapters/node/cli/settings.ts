import type { EdgelitConfig } from "../../../src/config/index.ts";
import { configFromEnv } from "./config-env.ts";

/** The options a command runs with: every source merged, and the CLI's own defaults. */
export type Settings = EdgelitConfig & { port: number; host: string; storage: string };

/** The CLI's defaults; the server's options default in the server. */
const DEFAULTS = { port: 8501, host: "127.0.0.1", storage: "fs" };

/**
 * The options from each source, merged: a flag wins over the environment, which wins over the
 * config file, which wins over the defaults. Throws on an environment variable that means
 * nothing (`PORT must be a port number (0-65535), got "abc"`).
 *
 * @example
 * resolveSettings({ flags: { port: 0 }, env: process.env, file: { port: 8080 } }).port; // 0
 */
export function resolveSettings(sources: {
  flags: EdgelitConfig;
  env: Record<string, string | undefined>;
  file?: EdgelitConfig;
}): Settings {
  const settings: Record<string, unknown> = { ...DEFAULTS };
  for (const layer of [sources.file ?? {}, configFromEnv(sources.env), sources.flags]) {
    for (const [name, value] of Object.entries(layer))
      if (value !== undefined) settings[name] = value;
  }
  return settings as Settings;
}
