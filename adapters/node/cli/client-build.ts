import { existsSync } from "node:fs";
import { join } from "node:path";
import { isInstalledPackage } from "./package-root.ts";

/**
 * The folder of the built client. In a checkout of edgelit the client is
 * built on first use, so `edgelit run` works straight after `npm ci`; an
 * installed package serves the client it ships (built by prepack) and never
 * builds or writes inside itself.
 */
export async function ensureClientBuilt(packageRoot: string): Promise<string> {
  const clientDir = join(packageRoot, "dist-client");
  if (existsSync(join(clientDir, "index.html"))) return clientDir;
  if (isInstalledPackage(packageRoot))
    throw new Error(
      `edgelit's browser client is missing from ${clientDir}: this copy of edgelit is incomplete. Reinstall it (npm install edgelit).`,
    );
  console.log("[edgelit] building the client (first run only)…");
  const { build } = await import("vite");
  await build({
    configFile: join(packageRoot, "vite.config.ts"),
    root: join(packageRoot, "client"),
    logLevel: "warn",
  });
  return clientDir;
}
