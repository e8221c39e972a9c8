import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");

/** One build a bench measures: a label and the folder whose sources it imports. */
export interface Build {
  label: string;
  root: string;
}

/**
 * This checkout, and `ref` (when given) checked out into a temporary git
 * worktree that shares this checkout's node_modules; `remove()` deletes the
 * worktree. The builds a bench measures in turn, in one sitting.
 *
 * @example const builds = checkoutBuilds(flag("against", "")); try { ... } finally { builds.remove(); }
 */
export function checkoutBuilds(ref: string): { builds: Build[]; remove(): void } {
  if (!ref) return { builds: [{ label: "this checkout", root: ROOT }], remove() {} };
  const other = mkdtempSync(join(tmpdir(), "edgelit-bench-ref-"));
  execFileSync("git", ["worktree", "add", "--detach", other, ref], { cwd: ROOT, stdio: "ignore" });
  symlinkSync(join(ROOT, "node_modules"), join(other, "node_modules"));
  return {
    builds: [
      { label: ref, root: other },
      { label: "this checkout", root: ROOT },
    ],
    remove() {
      execFileSync("git", ["worktree", "remove", "--force", other], { cwd: ROOT, stdio: "ignore" });
      rmSync(other, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `benchFile --child --root <build's root> ...args` in a child process that
 * imports the build's sources, and returns what it printed on its `RESULT <json>` line.
 *
 * @example const figures = measureInChild("bench/element-scale.ts", build, ["--quick"]);
 */
export function measureInChild(benchFile: string, build: Build, args: string[]): unknown {
  const child = spawnSync(
    process.execPath,
    [
      "--conditions=edgelit-source",
      "--import",
      "tsx",
      join(ROOT, benchFile),
      "--child",
      "--root",
      build.root,
      ...args,
    ],
    { cwd: build.root, encoding: "utf8", maxBuffer: 16 << 20 },
  );
  const line = child.stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`${build.label} failed:\n${child.stderr}`);
  return JSON.parse(line.slice(7));
}
