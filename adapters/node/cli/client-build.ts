import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * The folder of the built client. In a checkout of edgelit the client is
 * built on first use, so `edgelit run` works straight after `npm ci`.
 */
export async function ensureClientBuilt(packageRoot: string): Promise<string> {
  const clientDir = join(packageRoot, "dist-client");
  if (existsSync(join(clientDir, "index.html"))) return clientDir;
  const config = join(packageRoot, "vite.config.ts");
  if (!existsSync(config)) throw new Error(`the edgelit client is missing from ${clientDir}`);
  console.log("[edgelit] building the client (first run only)…");
  const { build } = await import("vite");
  await build({ configFile: config, root: join(packageRoot, "client"), logLevel: "warn" });
  return clientDir;
}
