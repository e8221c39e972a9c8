import {
  cspSources,
  hostList,
  oneOf,
  portNumber,
  secret,
  text,
  transportList,
  trustedHops,
  wholeNumber,
  type ConfigKey,
} from "./config-key.ts";

const SECONDS = { min: 1, unit: "seconds" };
const BYTES = { min: 1, unit: "bytes" };
const PER_CLIENT = { min: 0, unit: "requests (0: no limit)" };

/**
 * Every config key, once. A key set by a config file is set the same way by a flag (its name in
 * kebab-case: `maxEventBytes` is `--max-event-bytes`) and by an environment variable (EDGELIT_ and
 * its name in capitals: `EDGELIT_MAX_EVENT_BYTES`). Adding an option is one line here, and, when
 * the server takes it, the option of the same name in `ServerOptions`: the type of
 * `EdgelitConfig` follows from this table.
 */
export const CONFIG_KEYS = {
  app: text("the app file (relative to the config file)", "none", "a path to an app file"),
  port: portNumber("port to listen on (0 picks a free one)", "8501"),
  host: text("address to listen on (0.0.0.0 for every interface)", "127.0.0.1", "an address"),
  storage: text(
    "where sessions live: fs (.edgelit/store), fs:<dir>, memory, a redis://, rediss://, redis+sentinel:// or redis+cluster:// URL, or upstash",
    "fs",
  ),
  mediaStorage: text(
    "where media, uploads and frame batches keep their bytes: s3://<bucket>?endpoint=…&region=… (keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), fs:<dir>, or r2:<BINDING> on Workers",
    "the session store",
    "s3://<bucket>?endpoint=…&region=…, fs:<dir> or r2:<BINDING>",
  ),
  storageReplicas: wholeNumber(
    { min: 0, unit: "replicas" },
    "Redis replicas that must hold a save (WAIT) before the page is told it counted",
    "0 (the primary alone)",
  ),
  threads: wholeNumber(
    { min: 0, unit: "threads" },
    "worker threads that run app scripts (0 runs them in the server's own thread)",
    "0",
  ),
  drainSeconds: wholeNumber(
    { min: 0, unit: "seconds" },
    "on SIGTERM/SIGINT, how long runs under way may go on to finish and save before the server exits",
    "25",
  ),
  sessionTtlSeconds: wholeNumber(SECONDS, "idle seconds before a session is forgotten", "3600"),
  maxEventBytes: wholeNumber(BYTES, "largest event a page may send", "1048576 (1 MiB)"),
  maxUploadBytes: wholeNumber(BYTES, "largest upload, whatever a widget allows", "200000000"),
  maxSessionUploadBytes: wholeNumber(
    BYTES,
    "most bytes of uploaded files one session keeps at once",
    "1000000000 (1 GB)",
  ),
  maxRunSeconds: wholeNumber(SECONDS, "longest run before it stops with an error", "300"),
  maxMessageBytes: wholeNumber(BYTES, "largest element sent to the page", "16777216 (16 MiB)"),
  heartbeatSeconds: wholeNumber(SECONDS, "how often a long stream says it is alive", "5"),
  eventTimeoutSeconds: wholeNumber(
    { min: 0, unit: "seconds (0: never)" },
    "silence (no first byte, no heartbeat) after which the page sends an event again, to another replica",
    "15",
  ),
  transports: transportList("transports the page may use, in order", "sse,websocket,json"),
  showErrorDetails: oneOf(
    ["full", "stacktrace", "type", "none"],
    "what the page shows of an uncaught error (stacks only in development; the log has all)",
    "full",
  ),
  allowedHosts: hostList(
    "host names the server answers to (* for any); others get 403",
    "localhost names when bound to loopback, else any",
  ),
  contentSecurityPolicy: cspSources(
    "sources added to the page's Content-Security-Policy (a frame's site, an image host)",
    "none",
  ),
  trustProxy: trustedHops(
    "proxies trusted to name the client in X-Forwarded-For: true, false, or a number of hops",
    "false",
  ),
  rateLimitRequestsPerSecond: wholeNumber(PER_CLIENT, "requests per second per client IP", "50"),
  rateLimitNewSessionsPerMinute: wholeNumber(PER_CLIENT, "new sessions per minute per IP", "30"),
  secretsFile: text(
    "a secrets.toml to read instead of .streamlit/secrets.toml and secrets.toml",
    "none",
    "a path to a TOML file",
  ),
  mapStyle: text(
    "the base map of st.map: a MapLibre style URL, or none for a plain background",
    "Carto's Positron (Dark Matter on a dark page)",
    "a style URL or none",
  ),
  mediaSecret: secret(
    "the key media ids are made with; the same on every replica",
    "generated once, kept in the store",
    16,
  ),
} satisfies Record<string, ConfigKey<unknown>>;

/** The keys that only a server run by the CLI uses; a Worker ignores them. */
export const CLI_ONLY_KEYS = [
  "app",
  "port",
  "host",
  "storage",
  "mediaStorage",
  "storageReplicas",
  "threads",
  "drainSeconds",
  "secretsFile",
] as const;

/** A config key's name. */
export type ConfigKeyName = keyof typeof CONFIG_KEYS;
