import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { createStorage } from "unstorage";
import { defineApp } from "../../../src/index.ts";
import { createServer } from "../../../src/server/create-server.ts";
import { AppTest } from "../../../src/testing/index.ts";
import { loadProjectSecrets } from "../../../adapters/node/secrets-files.ts";
import { postToServer } from "../../helpers/events.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project directory holding `files` (path: text). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "edgelit-secrets-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

// Streamlit's own documentation's secrets.toml, as a Streamlit app keeps it.
const STREAMLIT_SECRETS = `
# Everything in this section will be available as an environment variable
db_username = "Jane"
db_password = "12345678"

# You can also add other sections if you like.
[my_other_secrets]
things_i_like = ["Streamlit", "Python"]

[connections.x]
host = "db.example.internal"
port = 5432
`;

const showSecrets = defineApp((st) => {
  st.text(`user ${st.secrets.string("db_username")}`);
  st.text(`host ${String((st.secrets as any).connections.x.host)}`);
  st.text(`port ${String(st.secrets.table("connections").table("x").get("port"))}`);
  st.text(`likes ${JSON.stringify(st.secrets.get("my_other_secrets"))}`);
  st.text(`token ${String(st.secrets.get("API_TOKEN"))}`);
  st.text(`unset ${String(st.secrets.get("nothing"))}`);
});

test("a Streamlit secrets.toml reads unchanged: top-level keys, nested tables, get", async () => {
  const secrets = loadProjectSecrets(project({ ".streamlit/secrets.toml": STREAMLIT_SECRETS }));
  const at = AppTest.fromApp(showSecrets);
  at.secrets = secrets;
  await at.run();
  expect(at.exceptions).toEqual([]);
  expect(at.get("text").map((text) => text.props.body)).toEqual([
    "user Jane",
    "host db.example.internal",
    "port 5432",
    // A table shows its names, never its values.
    'likes "[secrets: things_i_like]"',
    "token undefined",
    "unset undefined",
  ]);
});

test("the environment comes before .env, which comes before secrets.toml", async () => {
  const dir = project({
    ".streamlit/secrets.toml": 'db_username = "from toml"\nAPI_TOKEN = "toml-token"\n',
    ".env": 'export db_username="from dotenv" # a comment\nAPI_TOKEN=dotenv-token\n',
  });
  const at = AppTest.fromApp(showSecrets, { env: { API_TOKEN: "env-token" } });
  at.secrets = { ...loadProjectSecrets(dir), connections: { x: { host: "h", port: 1 } } };
  await at.run();
  const texts = at.get("text").map((text) => text.props.body);
  expect(texts[0]).toBe("user from dotenv");
  expect(texts[4]).toBe("token env-token");
});

test("a configured secrets file replaces the default ones", () => {
  const dir = project({
    ".streamlit/secrets.toml": 'a = "default"\n',
    "config/prod.toml": 'a = "configured"\n',
  });
  expect(loadProjectSecrets(dir, "config/prod.toml")).toEqual({ a: "configured" });
  expect(() => loadProjectSecrets(dir, "config/missing.toml")).toThrow(
    /config\/missing\.toml.*no such secrets file/,
  );
});

test("a missing key's error names the key, and no value of the secrets", async () => {
  const at = AppTest.fromApp(
    defineApp((st) => {
      st.text(String((st.secrets as any).connections.y.host));
    }),
  );
  at.secrets = { connections: { x: { host: "db.example.internal", password: "pw-9f8e7d" } } };
  await at.run();
  const message = at.exceptions[0]!.props.message;
  expect(message).toContain('st.secrets has no "connections.y"');
  expect(message).not.toContain("pw-9f8e7d");
  expect(message).not.toContain("db.example.internal");
});

test("a malformed secrets.toml is refused naming the file and line, without its values", () => {
  const dir = project({
    ".streamlit/secrets.toml":
      'good = "fine"\n[auth]\ncookie_secret = "hunter2-secret\nclient_id = "x"\n',
  });
  let message = "";
  try {
    loadProjectSecrets(dir);
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toMatch(/^\.streamlit\/secrets\.toml:3: /);
  expect(message).not.toContain("hunter2");
  expect(message).not.toContain("fine");
  expect(() => loadProjectSecrets(project({ ".env": "API_TOKEN abc\n" }))).toThrow(
    /^\.env:1: expected NAME=value/,
  );
});

/** Opens the app in a new session and clicks its one button; the answers and the error shown. */
async function openAndClick(server: ReturnType<typeof createServer>) {
  const first = await postToServer(server, { sessionId: null, lastRunId: null, eventId: "load" });
  const start = first.find((message) => message.type === "start");
  const button = first.find((message) => message.type === "element" && message.kind === "button");
  const clicked = await postToServer(server, {
    sessionId: start && start.type === "start" ? start.sessionId : null,
    lastRunId: null,
    eventId: "click",
    changes: [{ id: (button as { props: { id: string } }).props.id, value: true }],
  });
  const exception = clicked.find(
    (message) => message.type === "element" && message.kind === "exception",
  );
  return { first, clicked, exception };
}

test("short passwords and tokens kept under a secret's name are hidden where they stand as a word", async () => {
  const log: string[] = [];
  const app = defineApp((st) => {
    const db = st.secrets.table("connections").table("db");
    const pin = st.secrets.string("SERVICE_TOKEN");
    if (st.button("Fail"))
      throw new Error(
        `could not reach postgres://${db.string("user")}:${db.string("password")}@db/shop with token ${pin} (hunter2go and xpa55 are other words)`,
      );
  });
  const server = createServer({
    app,
    storage: createStorage(),
    // "hunter2" and "pa55" are shorter than the 8 characters an unnamed value needs to be hidden.
    secrets: { connections: { db: { user: "app", password: "hunter2" } } },
    env: { SERVICE_TOKEN: "pa55" },
    log: { error: (entry) => log.push(entry), warn: (entry) => log.push(entry) },
  });
  const { exception } = await openAndClick(server);
  const shown =
    "could not reach postgres://app:[secret]@db/shop with token [secret] (hunter2go and xpa55 are other words)";
  expect(JSON.stringify(exception)).toContain(shown);
  expect(log.join("\n")).toContain(shown);
  // The user name is a setting, not a secret, and stays readable.
  expect(shown).toContain("//app:");
});

test("secret values never reach an error element, the page or a log line", async () => {
  const log: string[] = [];
  const secret = "sk-live-5f4dcc3b5aa765d61d8327deb882cf99";
  const envSecret = "env-only-0c9a1f7e";
  const app = defineApp((st) => {
    const token = st.secrets.string("API_TOKEN");
    const fromEnv = st.secrets.string("ENV_TOKEN");
    if (st.button("Fail")) throw new Error(`upstream refused token ${token} (then ${fromEnv})`);
    st.text("ready");
  });
  const server = createServer({
    app,
    storage: createStorage(),
    secrets: { API_TOKEN: secret },
    env: { ENV_TOKEN: envSecret },
    log: { error: (entry) => log.push(entry), warn: (entry) => log.push(entry) },
  });
  const page = await (await server.fetch(new Request("http://localhost/"))).text();
  const { first, clicked, exception } = await openAndClick(server);
  expect(JSON.stringify(exception)).toContain("upstream refused token [secret]");
  const everything = [page, JSON.stringify(first), JSON.stringify(clicked), ...log].join("\n");
  expect(log.join("\n")).toContain("upstream refused token [secret] (then [secret])");
  expect(everything).not.toContain(secret);
  expect(everything).not.toContain(envSecret);
});
