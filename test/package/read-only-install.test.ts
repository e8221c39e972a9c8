// edgelit installed where its users cannot write: node_modules and the app file
// belong to another user (root) and are read-only, the project folder too, and
// the server runs as an unprivileged user (`nobody`) with a HOME of its own and,
// for the fs store, a writable store folder. This is the usual container: the
// image's files are root's and the process runs as another user.
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import {
  COUNTER_APP,
  expectOnlyStartupLines,
  serveOneEventAndClick,
  startInstalledCli,
} from "../helpers/installed-cli.ts";
import { copyInstalledProject, listing } from "../helpers/packed-project.ts";
import { tempDir } from "../helpers/processes.ts";

/** `nobody` when the tests run as root (they do in CI); otherwise the user running them. */
const asRoot = process.getuid?.() === 0;
const user = asRoot ? { uid: 65534, gid: 65534 } : undefined;

const work = copyInstalledProject("edgelit-read-only-");
const home = tempDir("edgelit-home-");
/** A folder nobody but root may write, for a HOME and TMPDIR that are read-only too. */
const sealed = tempDir("edgelit-sealed-");
const project = work.path;
const modules = join(project, "node_modules");
let before: string[];

/** `chmod -R` as root would, then hands writable folders to the server's user. */
function makeReadOnly(): void {
  writeFileSync(join(project, "app.ts"), COUNTER_APP);
  spawnSync("chmod", ["-R", "a-w", modules, join(project, "app.ts")], { stdio: "inherit" });
  // mkdtemp makes 0700 folders; the server's user must be able to enter (not write) them.
  chmodSync(project, 0o555);
  chmodSync(home.path, 0o700);
  chmodSync(sealed.path, 0o555);
  if (user) chownSync(home.path, user.uid, user.gid);
}

/** A fresh folder the server's user can write, for the fs store; removed when the test ends. */
function writableFolder(): string {
  const folder = tempDir("edgelit-store-");
  onTestFinished(() => folder.remove());
  if (user) chownSync(folder.path, user.uid, user.gid);
  return folder.path;
}

/** The environment a service manager would give it: a PATH and a HOME, nothing of root's. */
const environment = () => ({ PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home.path });

/** A container run with a read-only root file system: no writable HOME, nor temporary folder. */
const sealedEnvironment = () => ({
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: sealed.path,
  TMPDIR: sealed.path,
});

beforeAll(() => {
  makeReadOnly();
  before = listing(modules);
});

afterAll(() => {
  spawnSync("chmod", ["-R", "u+w", project]);
  work.remove();
  home.remove();
  chmodSync(sealed.path, 0o755);
  sealed.remove();
});

describe("a read-only install run by a user who owns none of it", () => {
  test("the setup is really read-only: that user cannot write inside node_modules/edgelit or the project", () => {
    for (const target of [
      join(modules, "edgelit/write-check"),
      join(modules, "edgelit/dist/write-check"),
      join(modules, "edgelit/bin/compiled-cli.mjs"),
      join(project, ".edgelit"),
    ]) {
      const attempt = spawnSync(
        process.execPath,
        ["-e", `require("node:fs").writeFileSync(${JSON.stringify(target)}, "x")`],
        { cwd: project, env: environment(), encoding: "utf8", ...user },
      );
      expect(attempt.status, target).not.toBe(0);
      expect(attempt.stderr, target).toMatch(/EACCES|EROFS/);
    }
  });

  for (const store of ["memory", "fs"] as const) {
    test(
      `edgelit start serves an event and a click with --storage ${store === "fs" ? "fs:<a writable folder>" : store}, and writes nothing inside node_modules`,
      {
        timeout: 120_000,
      },
      async () => {
        const folder = store === "fs" ? writableFolder() : undefined;
        const server = await startInstalledCli(project, {
          args: ["start", "app.ts", "--storage", folder ? `fs:${folder}` : "memory"],
          env: environment(),
          user,
        });
        try {
          await serveOneEventAndClick(server.url);
          expectOnlyStartupLines(server.output());
        } finally {
          await server.stop();
        }
        expect(listing(modules)).toEqual(before);
      },
    );
  }

  test(
    "with no writable HOME nor temporary folder either (a read-only container), only the fs store's folder",
    {
      timeout: 120_000,
    },
    async () => {
      const folder = writableFolder();
      const server = await startInstalledCli(project, {
        args: ["start", "app.ts", "--storage", `fs:${folder}`],
        env: sealedEnvironment(),
        user,
      });
      try {
        await serveOneEventAndClick(server.url);
        expectOnlyStartupLines(server.output());
      } finally {
        await server.stop();
      }
      expect(listing(modules)).toEqual(before);
    },
  );
});
