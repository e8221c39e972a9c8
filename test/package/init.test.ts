// `npx edgelit init my-app` as a user runs it, from edgelit installed out of the
// packed tarball: the project it writes passes its own test, refuses to write
// into a folder that holds anything, and its Dockerfile's steps work. No image
// can be built here (no Docker), so the steps run outside Docker: as root up to
// `USER`, then the CMD as the unprivileged `nobody`, in a read-only app folder.
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { EventClient } from "../helpers/events.ts";
import { installInitProject, run, startUntil } from "../helpers/init-project.ts";
import { copyInstalledProject, listing } from "../helpers/packed-project.ts";
import { tempDir } from "../helpers/processes.ts";

const work = copyInstalledProject("edgelit-init-");
const project = join(work.path, "my-app");
let printed = "";
afterAll(() => work.remove());

beforeAll(() => {
  printed = run("npx", ["edgelit", "init", "my-app"], work.path);
}, 120_000);

test("init writes a project and prints the next steps", () => {
  for (const file of [
    "app.ts",
    "app.test.ts",
    "package.json",
    "tsconfig.json",
    "worker.ts",
    "wrangler.toml",
    "Dockerfile",
    ".gitignore",
    "README.md",
  ])
    expect(existsSync(join(project, file)), file).toBe(true);
  const manifest = JSON.parse(readFileSync(join(project, "package.json"), "utf8"));
  const edgelit = JSON.parse(
    readFileSync(join(work.path, "node_modules/edgelit/package.json"), "utf8"),
  );
  expect(manifest).toMatchObject({
    name: "my-app",
    type: "module",
    scripts: {
      dev: "edgelit run app.ts",
      start: "edgelit start app.ts",
      test: "vitest run",
      deploy: "wrangler deploy",
    },
    dependencies: { edgelit: `^${edgelit.version}` },
    devDependencies: {
      typescript: edgelit.devDependencies.typescript,
      vitest: edgelit.devDependencies.vitest,
      wrangler: edgelit.devDependencies.wrangler,
      "@types/node": edgelit.devDependencies["@types/node"],
    },
  });
  expect(printed).toMatch(/cd my-app\s+npm install\s+npm run dev/);
});

test("init refuses a folder that holds anything, and changes nothing in it", () => {
  const before = listing(project);
  for (const [args, cwd, message] of [
    [["my-app"], work.path, /my-app is not empty .*nothing was changed/],
    [[], project, /this folder is not empty; name a new one: edgelit init my-app/],
  ] as const) {
    const result = spawnSync("npx", ["edgelit", "init", ...args], { cwd, encoding: "utf8" });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(message);
  }
  expect(listing(project)).toEqual(before);
});

test("the project installs, type-checks and passes its own test", { timeout: 240_000 }, () => {
  installInitProject(project);
  run("npx", ["tsc", "-p", "."], project);
  expect(run("npm", ["test"], project, { NO_COLOR: "1" })).toMatch(/Tests\s+2 passed/);
});

test(
  "the Dockerfile's steps, outside Docker: npm ci --omit=dev as root, then its CMD as nobody in a read-only folder, serving a click and its health check",
  { timeout: 240_000 },
  async () => {
    // Needs package-lock.json, which `npm install` (the test above) wrote.
    expect(existsSync(join(project, "package-lock.json"))).toBe(true);
    const image = tempDir("edgelit-image-");
    chmodSync(image.path, 0o755);
    try {
      const built = followDockerfile(project, image.path);
      // Nothing of the app is writable: node_modules and the project's files alike.
      spawnSync("chmod", ["-R", "a-w", built.workdir]);

      const server = await startUntil(
        "setpriv",
        [
          "--reuid=nobody",
          "--regid=nogroup",
          "--clear-groups",
          "--",
          ...built.cmd,
          "--host",
          "127.0.0.1",
          "--port",
          "0",
        ],
        {
          cwd: built.workdir,
          // GREETING: what the app reads as st.context.env under Node, from the environment.
          env: { ...built.env, HOME: "/nonexistent", GREETING: "Hello from the container" },
          ready: /serving .* at (http:\/\/\S+)/,
        },
      );
      try {
        const url = server.match;
        const tab = new EventClient(url);
        await tab.send();
        expect(tab.elements("caption")[0]).toMatchObject({ body: "Hello from the container" });
        expect(tab.elements("metric")[0]).toMatchObject({ label: "Count", value: "0" });
        await tab.send([{ id: tab.widgetId("button", "Add one"), value: true }]);
        expect(tab.elements("metric")[0]).toMatchObject({ value: "1" });
        // The session went where the Dockerfile keeps them, the one writable place.
        expect(readdirSync(join(image.path, "data/sessions")).length).toBeGreaterThan(0);

        const port = new URL(url).port;
        const health = spawnSync(
          "setpriv",
          [
            "--reuid=nobody",
            "--regid=nogroup",
            "--clear-groups",
            "--",
            ...built.healthcheck.map((arg) => arg.replace(":8501/", `:${port}/`)),
          ],
          { cwd: built.workdir, encoding: "utf8" },
        );
        expect(health.status, health.stderr).toBe(0);
      } finally {
        await server.stop();
      }
    } finally {
      spawnSync("chmod", ["-R", "u+w", image.path]);
      image.remove();
    }
  },
);

/**
 * Runs a Dockerfile's instructions as Docker would, with the image's root at
 * `root` (its absolute paths /app and /data land under it) and `node` played by
 * `nobody`. Throws on an instruction it does not know, so a new one in the
 * template makes this test fail rather than be skipped.
 */
function followDockerfile(
  context: string,
  root: string,
): { workdir: string; env: NodeJS.ProcessEnv; cmd: string[]; healthcheck: string[] } {
  const inImage = (text: string) => text.replace(/(^|[\s:="'])\/(app|data)\b/g, `$1${root}/$2`);
  const ignored = readFileSync(join(context, ".dockerignore"), "utf8").split("\n").filter(Boolean);
  const lines = readFileSync(join(context, "Dockerfile"), "utf8")
    .replace(/\\\n/g, " ")
    .split("\n")
    .filter((line) => line.trim() && !line.trim().startsWith("#"));
  let workdir = root;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
  let cmd: string[] = [];
  let healthcheck: string[] = [];
  let user = "root";
  for (const line of lines) {
    const [, instruction, rest] = line.match(/^(\w+)\s+(.*)$/)!;
    switch (instruction) {
      case "FROM":
        expect(rest).toMatch(/^node:20/);
        break;
      case "WORKDIR":
        workdir = inImage(rest!);
        mkdirSync(workdir, { recursive: true });
        chmodSync(workdir, 0o755);
        break;
      case "ENV": {
        const [, name, value] = rest!.match(/^(\w+)=(.*)$/)!;
        env[name!] = inImage(value!);
        break;
      }
      case "COPY": {
        const parts = rest!.split(/\s+/);
        const destination = parts.pop()!;
        for (const source of parts) {
          if (source === ".") {
            for (const entry of readdirSync(context))
              if (!ignored.includes(entry))
                cpSync(join(context, entry), join(workdir, destination, entry), {
                  recursive: true,
                });
          } else cpSync(join(context, source), join(workdir, destination, source));
        }
        break;
      }
      case "RUN": {
        expect(user, "RUN after USER").toBe("root");
        const command = inImage(rest!).replace(/\bnode:node\b/g, "nobody:nogroup");
        run("sh", ["-c", command], workdir, env);
        break;
      }
      case "USER":
        expect(rest).toBe("node");
        user = "nobody";
        break;
      case "CMD":
        cmd = JSON.parse(rest!) as string[];
        break;
      case "HEALTHCHECK":
        healthcheck = JSON.parse(rest!.replace(/^.*?CMD\s+/, "")) as string[];
        break;
      case "VOLUME":
      case "EXPOSE":
        break;
      default:
        throw new Error(`the test does not know the Dockerfile instruction ${instruction}`);
    }
  }
  expect(user).toBe("nobody");
  expect(cmd.slice(-2)).toEqual(["--host", "0.0.0.0"]);
  expect(healthcheck.join(" ")).toMatch(/\/_edgelit\/health/);
  return { workdir, env, cmd, healthcheck };
}
