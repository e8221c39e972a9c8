#!/usr/bin/env node
// Runs the CLI compiled ahead of time (see compiled-cli.mjs), or from its
// TypeScript sources through tsx when it cannot be compiled here. Apps are
// TypeScript loaded through tsx either way: no build step for their authors.
import { compiledCliUrl } from "./compiled-cli.mjs";
import { keepTransformsInMemoryWhenTempIsReadOnly } from "./transform-cache.mjs";

keepTransformsInMemoryWhenTempIsReadOnly();

let compiled;
try {
  compiled = await compiledCliUrl();
} catch (error) {
  console.error(`edgelit: ${error.message}`);
  process.exit(1);
}
let main;
if (compiled) {
  // Stack traces name the TypeScript sources, not the bundle.
  process.setSourceMapsEnabled(true);
  ({ main } = await import(compiled));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../adapters/node/cli/main.ts"));
}
process.exit(await main(process.argv.slice(2)));
