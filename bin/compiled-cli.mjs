// edgelit's CLI compiled ahead of time, so a server runs plain JavaScript rather
// than TypeScript translated on the fly. An installed package (from `npm pack`,
// whose prepack script runs `npm run build`) runs the CLI from dist/, the same
// modules an app gets when it imports "edgelit": it never builds, nor writes
// inside itself. A checkout runs one ES module bundled by esbuild from
// adapters/node/cli/main.ts into dist-server/, rebuilt whenever a source it was
// built from has changed, so it never runs stale code.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** edgelit's package folder. */
const ROOT = resolve(import.meta.dirname, "..");

/** Where the bundle of the package at `root` lives, and the list of sources it was built from. */
function outputsOf(root) {
  const dir = join(root, "dist-server");
  return { dir, bundle: join(dir, "cli.mjs"), inputs: join(dir, "inputs.json") };
}

/**
 * True when the package at `root` is an installed copy rather than a checkout:
 * its `files` (package.json) leave the client's sources out, so only a checkout
 * holds client/. adapters/node/cli/package-root.ts asks the same question.
 */
export function isInstalledPackage(root = ROOT) {
  return !existsSync(join(root, "client"));
}

/** True when the bundle exists and every source it was built from is unchanged. */
export function isCompiledCliFresh(root = ROOT) {
  const out = outputsOf(root);
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(out.inputs, "utf8"));
    statSync(out.bundle);
  } catch {
    return false;
  }
  return Object.entries(inputs).every(([file, mtimeMs]) => {
    try {
      return statSync(join(root, file)).mtimeMs === mtimeMs;
    } catch {
      return false;
    }
  });
}

/**
 * Bundles the CLI with esbuild into dist-server/cli.mjs. npm packages stay
 * imports, so the bundle holds edgelit's own code only. Written to a temporary
 * file and renamed, so a process starting meanwhile never reads half a bundle.
 */
export async function buildCompiledCli(root = ROOT) {
  const { build } = await import("esbuild");
  const out = outputsOf(root);
  mkdirSync(out.dir, { recursive: true });
  const temporary = join(out.dir, `cli.${process.pid}.mjs`);
  const result = await build({
    entryPoints: [join(root, "adapters/node/cli/main.ts")],
    outfile: temporary,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    logLevel: "warning",
  });
  renameSync(`${temporary}.map`, `${out.bundle}.map`);
  writeFileSync(
    temporary,
    readFileSync(temporary, "utf8").replace(
      /\/\/# sourceMappingURL=\S+\s*$/,
      "//# sourceMappingURL=cli.mjs.map\n",
    ),
  );
  renameSync(temporary, out.bundle);
  // esbuild names its inputs relative to the working directory.
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const path = relative(root, resolve(file));
    inputs[path] = statSync(join(root, path)).mtimeMs;
  }
  inputs["package.json"] = statSync(join(root, "package.json")).mtimeMs;
  const temporaryInputs = join(out.dir, `inputs.${process.pid}.json`);
  writeFileSync(temporaryInputs, JSON.stringify(inputs, null, 1));
  renameSync(temporaryInputs, out.inputs);
}

/**
 * The URL of a fresh compiled CLI, building it when needed; undefined when it
 * cannot be built here (no esbuild) or when EDGELIT_FROM_SOURCE=1 asks for the
 * TypeScript sources. An installed package runs the dist/ it ships, and throws
 * when that is missing.
 */
export async function compiledCliUrl() {
  if (process.env.EDGELIT_FROM_SOURCE === "1") return undefined;
  if (isInstalledPackage()) {
    const main = join(ROOT, "dist/adapters/node/cli/main.js");
    if (!existsSync(main))
      throw new Error(
        `edgelit's compiled CLI is missing from ${main}: this copy of edgelit is incomplete. Reinstall it (npm install edgelit).`,
      );
    return pathToFileURL(main).href;
  }
  if (!isCompiledCliFresh()) {
    try {
      await buildCompiledCli();
    } catch (error) {
      console.warn(
        `[edgelit] running from the TypeScript sources: could not compile the CLI (${error.message.split("\n")[0]})`,
      );
      return undefined;
    }
  }
  return pathToFileURL(outputsOf(ROOT).bundle).href;
}

// `node bin/compiled-cli.mjs` builds the checkout's bundle now.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await buildCompiledCli();
