#!/usr/bin/env node
// Runs the CLI compiled ahead of time (see compiled-cli.mjs), or from its
// TypeScript sources through tsx when it cannot be compiled here. Apps are
// TypeScript loaded through tsx either way: no build step for their authors.
import { register } from "node:module";
import { compiledCliUrl, isInstalledPackage } from "./compiled-cli.mjs";
import { keepTransformsInMemoryWhenTempIsReadOnly } from "./transform-cache.mjs";

keepTransformsInMemoryWhenTempIsReadOnly();
// In a checkout, "edgelit" names the sources (see source-condition.mjs).
if (!isInstalledPackage()) register("./source-condition.mjs", import.meta.url);

let compiled;
try {
  compiled = await compiledCliUrl();
} catch (error) {
  console.error(`edgelit: ${error.message}`);
  process.exit(1);
}
let main;
if (compiled) {
  // In a checkout, stack traces name the TypeScript sources, not the bundle.
  process.setSourceMapsEnabled(true);
  ({ main } = await import(compiled));
} else {
  const { register: registerTsx } = await import("tsx/esm/api");
  registerTsx();
  ({ main } = await import("../adapters/node/cli/main.ts"));
}
process.exit(await main(process.argv.slice(2)));
