/** The parsed command line of `edgelit`. */
export interface CliArgs {
  command: string | undefined;
  file: string | undefined;
  port: number;
  host: string;
  storage: string;
  dev: boolean;
  /** Idle seconds before a session expires. */
  sessionTtl: number;
  /** `--help` was given: print the command's usage and do nothing else. */
  help: boolean;
}

const OPTIONS = {
  port: "  --port     port to listen on (0 picks a free one)             default 8501",
  host: "  --host     address to listen on (0.0.0.0 for every interface)  default 127.0.0.1",
  storage: `  --storage  where sessions live: fs (.edgelit/store), fs:<dir>, memory,
             a redis:// URL, or upstash; also read from EDGELIT_STORAGE, REDIS_URL,
             or UPSTASH_REDIS_REST_URL (with UPSTASH_REDIS_REST_TOKEN)`,
  sessionTtl: "  --session-ttl  idle seconds before a session is forgotten  default 3600",
  noDev: "  --no-dev   production mode: no reload on file changes, no stacks in the page",
};
const SERVER_OPTIONS = [OPTIONS.port, OPTIONS.host, OPTIONS.storage, OPTIONS.sessionTtl];

/** Each command's usage line, what it does, and the options it takes. */
const COMMANDS: Record<string, { usage: string; about: string; options: string[] }> = {
  run: {
    usage: "edgelit run <app.ts> [options]",
    about: "Serves an app in development mode: the page reruns when the app or its imports change.",
    options: [...SERVER_OPTIONS, OPTIONS.noDev],
  },
  start: {
    usage: "edgelit start <app.ts> [options]",
    about: "Serves an app in production mode: no reload, no stack traces in the page.",
    options: SERVER_OPTIONS,
  },
  hello: {
    usage: "edgelit hello [options]",
    about: "Serves the tour of edgelit's elements.",
    options: [...SERVER_OPTIONS, OPTIONS.noDev],
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
    options: [OPTIONS.storage],
  },
};

const USAGE = `edgelit: data apps in Streamlit's model on a stateless server

Usage:
  edgelit init [my-app]  start a project: app.ts, its test, a Worker, a Dockerfile
  edgelit run <app.ts> [--port 8501] [--host 127.0.0.1] [--storage fs|memory|fs:<dir>|redis://...]
  edgelit start <app.ts> [options]   production server: no reload, no stacks in the page
  edgelit hello        run the tour of edgelit's elements
  edgelit cache clear [--storage …]  empty every cacheData result in the store
  edgelit <command> --help           one command's usage
  edgelit --version

Options:
${Object.values(OPTIONS).join("\n")}`;

/**
 * The help text: one command's when `command` names one, else the whole CLI's.
 *
 * @example
 * console.log(usage("run"));
 */
export function usage(command?: string): string {
  const known = command === undefined ? undefined : COMMANDS[command];
  if (!known) return USAGE;
  const options = known.options.length ? `\n\nOptions:\n${known.options.join("\n")}` : "";
  return `Usage: ${known.usage}\n\n${known.about}${options}`;
}

/** Parses argv (without node and the script); throws with a message on bad input. */
export function parseArgs(argv: string[], env: Record<string, string | undefined>): CliArgs {
  const args: CliArgs = {
    command: undefined,
    file: undefined,
    port: 8501,
    host: "127.0.0.1",
    storage:
      env.EDGELIT_STORAGE ?? env.REDIS_URL ?? (env.UPSTASH_REDIS_REST_URL ? "upstash" : "fs"),
    dev: true,
    sessionTtl: 3600,
    help: false,
  };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case "--port": {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error("--port must be a whole number from 0 to 65535");
        args.port = port;
        break;
      }
      case "--host":
        args.host = value();
        break;
      case "--storage":
        args.storage = value();
        break;
      case "--session-ttl": {
        const seconds = Number(value());
        if (!Number.isInteger(seconds) || seconds < 1)
          throw new Error("--session-ttl must be a whole number of seconds, at least 1");
        args.sessionTtl = seconds;
        break;
      }
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
        if (flag?.startsWith("-")) throw new Error(`unknown option ${flag}`);
        positional.push(arg);
    }
  }
  args.command ??= positional[0];
  if (args.command === "start") args.dev = false;
  args.file = positional[1];
  return args;
}
