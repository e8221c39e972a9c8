// Global setup of the `package` test project: packs the checkout once and installs
// the tarball into one fresh `npm init -y` project, which every test file of the
// project then reads. Tests that change a project copy this one first
// (`copyInstalledProject`), so the shared one stays as npm left it.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, statSync, symlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { tempDir } from "./processes.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The tarball `npm pack` made from the checkout. */
    edgelitTarball: string;
    /** A fresh CommonJS project (`npm init -y`) with only the tarball installed. Never change it. */
    edgelitProject: string;
  }
}

const ROOT = resolve(import.meta.dirname, "../..");

/**
 * `npm pack` from a copy of the tracked files of the checkout at `root` (this one by default), so
 * the prepack build never rewrites the dist folders other tests are serving from.
 */
export function packTarball(work: string, root = ROOT): string {
  const source = join(work, "source");
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    try {
      statSync(join(root, file));
    } catch {
      continue; // deleted in the working tree
    }
    mkdirSync(dirname(join(source, file)), { recursive: true });
    cpSync(join(root, file), join(source, file));
  }
  symlinkSync(join(ROOT, "node_modules"), join(source, "node_modules"));
  const out = join(work, "tarball");
  mkdirSync(out);
  const name = execFileSync("npm", ["pack", "--silent", "--pack-destination", out], {
    cwd: source,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  })
    .trim()
    .split("\n")
    .at(-1)!;
  return join(out, name);
}

/** A new `npm init -y` project in `dir` with the tarball installed (from the npm cache where it can). */
export function installTarball(tarball: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const npm = (args: string[]) => execFileSync("npm", args, { cwd: dir, stdio: "pipe" });
  npm(["init", "-y"]);
  npm(["install", tarball, "--prefer-offline", "--no-audit", "--no-fund"]);
}

export default function setup(project: TestProject): () => void {
  const work = tempDir("edgelit-package-");
  const tarball = packTarball(work.path);
  const installed = join(work.path, "project");
  installTarball(tarball, installed);
  project.provide("edgelitTarball", tarball);
  project.provide("edgelitProject", installed);
  return () => work.remove();
}
