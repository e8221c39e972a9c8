/** edgelit's options, one table whether set by a flag, the environment or `edgelit.config.ts`. */
export {
  checkConfig,
  defineConfig,
  EdgelitConfigError,
  serverConfigOf,
  type EdgelitConfig,
  type ServerConfig,
} from "./define-config.ts";
export { CLI_ONLY_KEYS, CONFIG_KEYS, type ConfigKeyName } from "./config-keys.ts";
export type { ConfigKey } from "./config-key.ts";
