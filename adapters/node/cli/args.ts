import type { ConfigKeyName, EdgelitConfig } from "../../../src/config/index.ts";
import { envNamesOf } from "./config-env.ts";
import { configKeys, flagOf, parseWritten } from "./config-names.ts";

/** The parsed command line of `edgelit`. */
export interface CliArgs {
  command: string | undefined;
  file: string | undefined;
  dev: boolean;
  /** `--config <file>`: the config file to read instead of the working directory's. */
  configFile: string | undefined;
  /** The options given as flags, and only those. */
  flags: EdgelitConfig;
  /** `--help` was given: print the command's usage and do nothing else. */
  help: boolean;
}

/** Each option's flag; the app file is the command's argument instead. */
const OPTION_FLAGS = new Map<string, ConfigKeyName>(
  configKeys()
    .filter(([name]) => name !== "app")
    .map(([name]) => [flagOf(name), name]),
);
/** Flags kept from earlier releases. */
OPTION_FLAGS.set("--session-ttl", "sessionTtlSeconds");

const SERVER_OPTIONS = configKeys()
  .filter(([name]) => name !== "app")
  .map(([name, key]) => optionLine(flagOf(name), `${key.about}; default ${key.shownDefault}`));
const CONFIG_OPTION = optionLine(
  "--config <file>",
  "the config file; default edgelit.config.ts (or .mts, .js, .mjs) here",
);
const NO_DEV_OPTION = optionLine(
  "--no-dev",
  "production mode: no reload on file changes, no stacks in the page",
);
const SOURCES = `Each option is also an environment variable (${envNamesOf("maxEventBytes")[0]} for
--max-event-bytes; PORT, HOST and REDIS_URL too) and a key of edgelit.config.ts
(maxEventBytes). A flag wins over the environment, which wins over the config file.`;

/** Each command's usage line, what it does, and the options it takes. */
const COMMANDS: Record<string, { usage: string; about: string; options: string[] }> = {
  run: {
    usage: "edgelit run [app.ts] [options]",
    about: "Serves an app in development mode: the page reruns when the app or its imports change.",
    options: [...SERVER_OPTIONS, CONFIG_OPTION, NO_DEV_OPTION],
  },
  start: {
    usage: "edgelit start [app.ts] [options]",
    about: "Serves an app in production mode: no reload, no stack traces in the page.",
    options: [...SERVER_OPTIONS, CONFIG_OPTION],
  },
  hello: {
    usage: "edgelit hello [options]",
    about: "Serves the tour of edgelit's elements.",
    options: [...SERVER_OPTIONS, CONFIG_OPTION, NO_DEV_OPTION],
  },
  init: {
    usage: "edgelit init [folder]",
    about:
      "Writes a new project into the folder (new or empty; default: this one): app.ts, its test, package.json, a Cloudflare Worker with its wrangler.toml, and a Dockerfile. Installs nothing.",
    options: [],
  },
  cache: {
    usage: "edgelit cache clear [--storage …]",
    about: "Empties every cacheData result in the store.",
    options: [optionLine(flagOf("storage"), "the store, as for run"), CONFIG_OPTION],
  },
};

const USAGE = `edgelit: data apps in Streamlit's model on a stateless server

Usage:
  edgelit init [my-app]  start a project: app.ts, its test, a Worker, a Dockerfile
  edgelit run [app.ts] [--port 8501] [--storage fs|memory|fs:<dir>|redis://...]
  edgelit start [app.ts] [options]   production server: no reload, no stacks in the page
  edgelit hello        run the tour of edgelit's elements
  edgelit cache clear [--storage …]  empty every cacheData result in the store
  edgelit <command> --help           one command's usage
  edgelit --version

The app file may instead be the config file's "app".

Options:
${[...SERVER_OPTIONS, CONFIG_OPTION, NO_DEV_OPTION].join("\n")}

${SOURCES}`;

/**
 * The help text: one command's when `command` names one, else the whole CLI's.
 *
 * @example
 * console.log(usage("run"));
 */
export function usage(command?: string): string {
  const known = command === undefined ? undefined : COMMANDS[command];
  if (!known) return USAGE;
  if (!known.options.length) return `Usage: ${known.usage}\n\n${known.about}`;
  const options = known.options.join("\n");
  return `Usage: ${known.usage}\n\n${known.about}\n\nOptions:\n${options}\n\n${SOURCES}`;
}

/**
 * Parses argv (without node and the script); throws with a message on bad input, such as
 * `--port must be a port number (0-65535), got "http"`.
 */
export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {
    command: undefined,
    file: undefined,
    dev: true,
    configFile: undefined,
    flags: {},
    help: false,
  };
  const flags: Record<string, unknown> = args.flags;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag = arg, inline] = arg.startsWith("--") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    const option = OPTION_FLAGS.get(flag);
    if (option) {
      flags[option] = parseWritten(option, value(), flag);
      continue;
    }
    switch (flag) {
      case "--config":
        args.configFile = value();
        break;
      case "--no-dev":
        args.dev = false;
        break;
      case "--help":
      case "-h":
        args.help = true;
        break;
      case "--version":
      case "-v":
        args.command = "version";
        break;
      default:
        if (flag.startsWith("-")) throw new Error(`unknown option ${flag}`);
        positional.push(arg);
    }
  }
  args.command ??= positional[0];
  if (args.command === "start") args.dev = false;
  args.file = positional[1];
  return args;
}

// --- Internal helpers ---

function optionLine(flag: string, about: string): string {
  return `  ${flag.padEnd(22)} ${about}`;
}
