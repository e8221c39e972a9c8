/** True when the package at `root` is an installed copy (it has no client sources), not a checkout. */
export function isInstalledPackage(root?: string): boolean;
/** True when dist-server/cli.mjs exists and every source it was built from is unchanged. */
export function isCompiledCliFresh(root?: string): boolean;
/** Bundles the CLI with esbuild into `<root>/dist-server/cli.mjs`. */
export function buildCompiledCli(root?: string): Promise<void>;
/** The URL of a fresh compiled CLI (built when needed), or undefined to run from the TypeScript sources. */
export function compiledCliUrl(): Promise<string | undefined>;
