// edgelit's types in a user's editor: the installed tarball, with the oldest
// TypeScript the README promises and the project's own, type-checks an app under
// standard strict configs with skipLibCheck off. Errors are counted in the
// app's files and in edgelit's own declarations; other packages' declarations
// (unstorage's drivers, h3 without DOM, @types/node beside workerd's types)
// report errors of their own that edgelit cannot fix.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyInstalledProject } from "../helpers/packed-project.ts";
import { npmInstall, runIn } from "../helpers/installed-project.ts";
import { COUNTER_APP } from "../helpers/installed-cli.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const checkout = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
};

/** The TypeScript versions the README promises: the oldest 5.x, and the one edgelit is built with. */
const TYPESCRIPTS = {
  "5.7.3": "ts-oldest",
  [checkout.devDependencies.typescript!]: "ts-project",
};

/** The file `wrangler types` writes: workerd's globals, which clash with @types/node that unstorage's drivers pull in. */
const WRANGLER_TYPES = "worker-configuration.d.ts";

const work = copyInstalledProject("edgelit-types-");
afterAll(() => work.remove());

/** The README's app. */
const APP = COUNTER_APP;

/** A test of the app with `edgelit/testing`, checked without a test runner's types. */
const APP_CHECK = (appFile: string) => `import { AppTest } from "edgelit/testing";
import app from "./${appFile}";

const at = await AppTest.fromApp(app).run();
await at.button("Add one").click().run();
if (at.get("metric")[0]!.props.value !== "1") throw new Error("the count did not go up");
`;

/** A server of one's own, with every other Node entry point. */
const SERVER = `import { createServer } from "edgelit/server";
import { createUpstashStorage } from "edgelit/stores";
import type { ServerMessage } from "edgelit/protocol";
import { createStorage } from "unstorage";
import app from "./app.js";

export const server = createServer({ app, storage: createStorage() });
export const upstash = createUpstashStorage({ url: "https://example.upstash.io", token: "t" });
export const types = (messages: ServerMessage[]): string[] => messages.map((m) => m.type);
`;

/** A Worker as README's "Deploy to Cloudflare Workers" shows it, with the Durable Object store and sockets. */
const WORKER = `import { createWorker, durableObjectDriver } from "edgelit/cloudflare";
import { createStorage } from "unstorage";
import app from "./app.js";

export { EdgelitSessionStore, EdgelitSockets } from "edgelit/cloudflare";

export default createWorker({
  app,
  storage: (env: Env) => createStorage({ driver: durableObjectDriver({ namespace: env.SESSIONS }) }),
  sockets: (env: Env) => env.SOCKETS,
});
`;

const WRANGLER_TOML = `name = "types-check"
main = "esm/worker.ts"
compatibility_date = "2026-04-26"

[[durable_objects.bindings]]
name = "SESSIONS"
class_name = "EdgelitSessionStore"

[[durable_objects.bindings]]
name = "SOCKETS"
class_name = "EdgelitSockets"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["EdgelitSessionStore", "EdgelitSockets"]
`;

const STRICT = {
  strict: true,
  target: "ES2022",
  noEmit: true,
  skipLibCheck: false,
};

/** The configs, each with the files it checks. The project itself is CommonJS, as `npm init -y` makes it. */
const CONFIGS = {
  // Node, no DOM library: edgelit's public types must not name DOM-only types.
  "NodeNext, ESM": {
    compilerOptions: {
      ...STRICT,
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2022"],
      types: ["node"],
    },
    files: ["esm/app.ts", "esm/app-check.ts", "esm/server.ts"],
  },
  // Before TypeScript 5.8 a CommonJS project's .ts file cannot import an ES module; .mts can.
  "NodeNext, CommonJS project (.mts)": {
    compilerOptions: {
      ...STRICT,
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2022"],
      types: ["node"],
    },
    files: ["app.mts", "app-check.mts"],
  },
  "Bundler, DOM": {
    compilerOptions: {
      ...STRICT,
      module: "ESNext",
      moduleResolution: "Bundler",
      lib: ["ES2022", "DOM", "DOM.Iterable"],
    },
    files: ["esm/app.ts", "esm/app-check.ts", "esm/server.ts"],
  },
  // A Worker's types as `wrangler types` writes them, and no others.
  "Bundler, wrangler types": {
    compilerOptions: {
      ...STRICT,
      module: "ESNext",
      moduleResolution: "Bundler",
      lib: ["ES2022"],
      types: [`./${WRANGLER_TYPES}`],
    },
    files: ["esm/worker.ts"],
  },
};

beforeAll(async () => {
  const project = work.path;
  await npmInstall(project, [
    ...Object.entries(TYPESCRIPTS).map(([version, alias]) => `${alias}@npm:typescript@${version}`),
    `@types/node@${checkout.devDependencies["@types/node"]}`,
  ]);
  mkdirSync(join(project, "esm"));
  writeFileSync(join(project, "esm/package.json"), '{ "type": "module" }\n');
  writeFileSync(join(project, "esm/app.ts"), APP);
  writeFileSync(join(project, "esm/app-check.ts"), APP_CHECK("app.js"));
  writeFileSync(join(project, "esm/server.ts"), SERVER);
  writeFileSync(join(project, "esm/worker.ts"), WORKER);
  writeFileSync(join(project, "app.mts"), APP);
  writeFileSync(join(project, "app-check.mts"), APP_CHECK("app.mjs"));
  writeFileSync(join(project, "wrangler.toml"), WRANGLER_TOML);
  // The checkout's wrangler writes the Worker's types, offline.
  const wrangler = await runIn(project, join(ROOT, "node_modules/.bin/wrangler"), ["types"]);
  if (wrangler.code !== 0) throw new Error(`wrangler types failed:\n${wrangler.output}`);
}, 240_000);

/**
 * tsc's errors in the app's files and in edgelit's declarations (with their
 * explanation lines), or in no file at all (a bad config).
 */
function ownErrors(output: string): string[] {
  const errors: string[] = [];
  let keeping = false;
  for (const line of output.split("\n")) {
    if (/error TS\d+/.test(line))
      keeping =
        line.startsWith("node_modules/edgelit/") ||
        !(line.startsWith("node_modules/") || line.startsWith(WRANGLER_TYPES));
    else if (!line.startsWith(" ")) keeping = false;
    if (keeping) errors.push(line);
  }
  return errors;
}

for (const [version, alias] of Object.entries(TYPESCRIPTS))
  for (const [name, config] of Object.entries(CONFIGS))
    test(`TypeScript ${version}, ${name}: no errors in the app or in edgelit's declarations`, async () => {
      const file = `tsconfig.${alias}.${name.replace(/\W+/g, "-")}.json`;
      writeFileSync(join(work.path, file), JSON.stringify(config, null, 2));
      const tsc = join(work.path, "node_modules", alias, "bin/tsc");
      expect((await runIn(work.path, process.execPath, [tsc, "--version"])).output).toContain(
        `Version ${version}`,
      );
      const result = await runIn(work.path, process.execPath, [tsc, "-p", file]);
      expect(ownErrors(result.output).join("\n")).toBe("");
    }, 120_000);
