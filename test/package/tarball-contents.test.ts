// What `npm pack` puts in the tarball: compiled JavaScript with its .d.ts types,
// the built client, the CLI's entry and the examples `edgelit hello` runs; no
// TypeScript sources, tests, benches or CI. Its runtime dependencies are the
// packages that JavaScript imports, and nothing only a build needs.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { installedProject, packedTarball } from "../helpers/packed-project.ts";

/** The tarball's files, relative to the package's folder. */
function tarballFiles(): string[] {
  return execFileSync("tar", ["-tzf", packedTarball()], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ""));
}

test("the tarball ships compiled JavaScript, its types and the client, and no sources, tests or CI", () => {
  const files = tarballFiles();
  for (const shipped of [
    "package.json",
    "README.md",
    "CHANGELOG.md",
    "LICENSE",
    "bin/edgelit.mjs",
    "dist/src/index.js",
    "dist/src/index.d.ts",
    "dist/src/testing/index.js",
    "dist/src/testing/index.d.ts",
    "dist/adapters/cloudflare/index.d.ts",
    "dist/adapters/node/cli/main.js",
    "dist-client/index.html",
    "examples/hello/app.ts",
  ])
    expect(files).toContain(shipped);
  const unwanted = files.filter(
    (file) =>
      /^(test|bench|scripts|client|src|adapters|\.ci|dist-server)\//.test(file) ||
      /\.test\.[jt]s$/.test(file) ||
      (file.startsWith("dist/") && !/\.(js|d\.ts)$/.test(file)),
  );
  expect(unwanted).toEqual([]);
});

/** The packages a JavaScript file imports by name (not node: built-ins, not relative paths). */
function importedPackages(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, ""); // JSDoc examples import too
  const specifiers = [
    ...code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"/gm),
    ...code.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
  ].map((match) => match[1]!);
  return specifiers
    .filter((specifier) => !/^(\.|node:|cloudflare:)/.test(specifier))
    .map((specifier) => {
      const parts = specifier.split("/");
      return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
    });
}

test("the runtime dependencies are what the shipped JavaScript imports, and the stores' clients", () => {
  const installed = join(installedProject(), "node_modules/edgelit");
  const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  const imported = new Set<string>();
  const files = readdirSync(join(installed, "dist"), { recursive: true, encoding: "utf8" });
  for (const file of files.filter((name) => name.endsWith(".js")))
    for (const name of importedPackages(readFileSync(join(installed, "dist", file), "utf8")))
      imported.add(name);
  // The CLI builds the client only in a checkout; an installed copy never imports vite.
  imported.delete("vite");
  // unstorage's drivers import their clients: `--storage redis://`, Upstash, and the S3 signer of
  // `--media-storage s3://`.
  for (const client of ["ioredis", "@upstash/redis", "aws4fetch"]) imported.add(client);
  expect(Object.keys(manifest.dependencies).sort()).toEqual([...imported].sort());
});
