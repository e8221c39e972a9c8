import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CLIENT_HEADER, PROTOCOL_VERSION, ROUTES } from "../../src/protocol/index.ts";
import { freePort } from "../helpers/processes.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const COUNTER = join(ROOT, "examples/counter/app.ts");
// Inside the repository (gitignored), so a config file can import "edgelit".
const projectDir = join(ROOT, `.edgelit/test-apps/config-${process.pid}`);

beforeAll(() => mkdirSync(projectDir, { recursive: true }));
afterAll(() => rmSync(projectDir, { recursive: true, force: true }));

/** A project folder of its own, holding `files`. */
function project(name: string, files: Record<string, string>): string {
  const dir = join(projectDir, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

function configFile(config: string): string {
  return `import { defineConfig } from "edgelit";\nexport default defineConfig(${config});\n`;
}

/** The environment of the test runner, without the variables edgelit reads. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env))
    if (/^(EDGELIT_|PORT$|HOST$|REDIS_URL$|UPSTASH_)/.test(name)) delete env[name];
  return { ...env, ...extra };
}

/**
 * `edgelit <args>` in `cwd`: resolves when it serves (with its URL and storage line) or exits
 * (with its exit code and output). A server is stopped by its pid.
 */
async function edgelit(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  const child = spawn(process.execPath, [join(ROOT, "bin/edgelit.mjs"), ...args], {
    cwd: options.cwd,
    env: cleanEnv(options.env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const exited = new Promise<number | null>((done) => child.once("exit", done));
  const served = new Promise<void>((done) => {
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (/sessions in .*\n/.test(stdout)) done();
    });
  });
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const timer = setTimeout(() => process.kill(child.pid!, "SIGKILL"), 30_000);
  const code = await Promise.race([exited, served.then(() => "serving" as const)]);
  clearTimeout(timer);
  return {
    code,
    stdout,
    stderr,
    url: stdout.match(/serving .* at (http:\/\/\S+)/)?.[1],
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(child.pid!, "SIGTERM");
      await exited;
    },
  };
}

/** True when something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), done(true)));
    socket.once("error", () => done(false));
  });
}

test("the config file sets the port, the store and the server's options", async () => {
  const port = await freePort();
  const store = join(projectDir, "file-store");
  const cwd = project("sets", {
    "edgelit.config.ts": configFile(
      `{ port: ${port}, storage: "fs:${store}", transports: ["sse", "json"] }`,
    ),
  });
  const server = await edgelit(["start", COUNTER], { cwd });
  try {
    expect(server.code).toBe("serving");
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    expect(server.stdout).toContain(`sessions in fs ${store}`);
    const page = await (await fetch(server.url!)).text();
    expect(page).toContain('"transports":["sse","json"]');
  } finally {
    await server.stop();
  }
});

test("the config file's app is served when the command names none", async () => {
  const port = await freePort();
  const cwd = project("app-key", {
    "app.ts": `import { defineApp } from "edgelit";\nexport default defineApp((st) => st.title("From the config"));\n`,
    "edgelit.config.mts": configFile(`{ app: "app.ts", storage: "memory", port: ${port} }`),
  });
  const server = await edgelit(["start"], { cwd });
  try {
    expect(server.code).toBe("serving");
    expect(server.stdout).toContain("serving app.ts at");
  } finally {
    await server.stop();
  }
});

test("the environment wins over the config file, and a flag over the environment", async () => {
  const [filePort, envPort, flagPort] = [await freePort(), await freePort(), await freePort()];
  const cwd = project("precedence", {
    "edgelit.config.ts": configFile(
      `{ port: ${filePort}, storage: "fs:unused", maxEventBytes: 1000000 }`,
    ),
  });
  const env = { PORT: String(envPort), EDGELIT_STORAGE: "memory", EDGELIT_MAX_EVENT_BYTES: "300" };

  const fromEnv = await edgelit(["start", COUNTER], { cwd, env });
  try {
    expect(fromEnv.url).toBe(`http://127.0.0.1:${envPort}`);
    expect(fromEnv.stdout).toContain("sessions in memory");
    const event = await fetch(`${fromEnv.url}${ROUTES.event}`, {
      method: "POST",
      headers: { [CLIENT_HEADER]: "1", "content-type": "application/json" },
      body: JSON.stringify({ padding: "x".repeat(1000) }),
    });
    expect(event.status).toBe(413);
    expect(await event.text()).toContain("larger than 300 bytes");
  } finally {
    await fromEnv.stop();
  }

  const fromFlag = await edgelit(["start", COUNTER, "--port", String(flagPort)], { cwd, env });
  try {
    expect(fromFlag.url).toBe(`http://127.0.0.1:${flagPort}`);
  } finally {
    await fromFlag.stop();
  }
});

/** Each bad input: the project's files, the arguments, the environment, and what is said. */
const BAD_INPUTS: {
  name: string;
  files?: Record<string, string>;
  args: string[];
  env?: Record<string, string>;
  says: string;
}[] = [
  {
    name: "an app file that does not exist",
    args: ["start", "missing-app.ts"],
    says: "edgelit: no such app file: missing-app.ts; check the path, or create it with export default defineApp((st) => { ... })",
  },
  {
    name: "an app file without a default export",
    files: { "app.ts": "export const answer = 42;\n" },
    args: ["start", "app.ts"],
    says: "edgelit: app.ts has no default export; it must export default defineApp((st) => { ... })",
  },
  {
    name: "an app file whose default export is not an app",
    files: { "app.ts": "export default 42;\n" },
    args: ["run", "app.ts"],
    says: "edgelit: app.ts exports default a number; it must export default defineApp((st) => { ... })",
  },
  {
    name: "a config file with an unknown key",
    files: { "edgelit.config.ts": configFile(`{ prot: 8080 } as never`) },
    args: ["start", COUNTER],
    says: 'edgelit: edgelit.config.ts: unknown key "prot"; the keys are app, port, host, storage, ',
  },
  {
    name: "a config file with a value of the wrong type, without defineConfig",
    files: { "edgelit.config.js": `export default { sessionTtlSeconds: "1h" };\n` },
    args: ["start", COUNTER],
    says: 'edgelit: edgelit.config.js: sessionTtlSeconds must be a whole number of seconds (at least 1), got "1h"',
  },
  {
    name: "a config file that throws as it is imported",
    files: { "edgelit.config.ts": `throw new Error("no secrets here");\n` },
    args: ["start", COUNTER],
    says: "edgelit: could not load edgelit.config.ts: no secrets here; fix it and run again",
  },
  {
    name: "a config file without a default export",
    files: { "edgelit.config.ts": `export const port = 8080;\n` },
    args: ["start", COUNTER],
    says: "edgelit: edgelit.config.ts has no default export; it must export default defineConfig({ ... })",
  },
  {
    name: "a --config file that does not exist",
    args: ["start", COUNTER, "--config", "elsewhere.config.ts"],
    says: "edgelit: no such config file: elsewhere.config.ts; check the path given to --config",
  },
  {
    name: "an invalid PORT",
    args: ["start", COUNTER],
    env: { PORT: "abc" },
    says: 'edgelit: PORT must be a port number (0-65535), got "abc"',
  },
  {
    name: "an invalid environment variable",
    args: ["start", COUNTER],
    env: { EDGELIT_MAX_RUN_SECONDS: "forever" },
    says: 'edgelit: EDGELIT_MAX_RUN_SECONDS must be a whole number of seconds (at least 1), got "forever"',
  },
];

for (const [index, bad] of BAD_INPUTS.entries()) {
  test(`${bad.name}: one line naming it and the fix, a non-zero exit, nothing listening`, async () => {
    const port = await freePort();
    const cwd = project(`bad-${index}`, bad.files ?? {});
    const result = await edgelit([...bad.args, "--port", String(port), "--storage", "memory"], {
      cwd,
      env: bad.env,
    });
    await result.stop(); // in case it served after all
    expect(result.code).not.toBe("serving");
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(bad.says);
    expect(result.stdout).toBe("");
    expect(await listening(port)).toBe(false);
  });
}

test("the app reads secrets.toml and .env, and a malformed secrets.toml stops the start naming its line", async () => {
  const port = await freePort();
  const app = `import { defineApp } from "edgelit";\nexport default defineApp((st) => st.title(\`\${st.secrets.table("connections").table("db").string("host")} \${st.secrets.string("TOKEN")}\`));\n`;
  const cwd = project("secrets", {
    "app.ts": app,
    "secrets.toml": '[connections.db]\nhost = "db.internal"\nTOKEN = "toml"\n',
    ".env": "TOKEN=from-dotenv\n",
  });
  const server = await edgelit(["start", "app.ts", "--storage", "memory", "--port", `${port}`], {
    cwd,
  });
  try {
    expect(server.code).toBe("serving");
    const answer = await fetch(`${server.url}${ROUTES.event}`, {
      method: "POST",
      headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
      body: JSON.stringify({
        protocol: PROTOCOL_VERSION,
        sessionId: null,
        lastRunId: null,
        eventId: "load",
        changes: [],
      }),
    });
    expect(await answer.text()).toContain("db.internal from-dotenv");
  } finally {
    await server.stop();
  }
  mkdirSync(join(cwd, ".streamlit"));
  writeFileSync(join(cwd, ".streamlit/secrets.toml"), 'ok = "v"\npassword = "hunter2-x\n');
  const refused = await edgelit(["start", "app.ts", "--storage", "memory", "--port", "0"], { cwd });
  await refused.stop();
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/edgelit: \.streamlit\/secrets\.toml:2: /);
  expect(refused.stderr).not.toContain("hunter2");

  writeFileSync(
    join(cwd, ".streamlit/secrets.toml"),
    '[auth]\nredirect_uri = "http://127.0.0.1/cb"\ncookie_secret = "hunter2-hunter2-hunter2"\nclient_id = "x"\n',
  );
  const noAuth = await edgelit(["start", "app.ts", "--storage", "memory", "--port", "0"], { cwd });
  await noAuth.stop();
  expect(noAuth.code).toBe(1);
  expect(noAuth.stderr).toContain("edgelit: [auth] in the secrets needs client_secret (text).");
  expect(noAuth.stderr).not.toContain("hunter2");
});
