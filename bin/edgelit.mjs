#!/usr/bin/env node
// Runs the CLI from its TypeScript sources, and lets it import apps written
// in TypeScript, with tsx: no build step for edgelit or for the app's author.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
const code = await main(process.argv.slice(2));
process.exit(code);
