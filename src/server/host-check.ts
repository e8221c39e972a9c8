import type { H3 } from "h3";
import { errorResponse } from "./errors.ts";

/**
 * The hosts a server answers to: `true` for any, or names where `localhost`
 * matches that host only and `.example.com` matches it and its subdomains.
 * An IPv6 address is written without brackets (`::1`).
 */
export type AllowedHosts = true | readonly string[];

/** What a server bound to a loopback address answers to by default. */
export const LOOPBACK_HOSTS: readonly string[] = [".localhost", "127.0.0.1", "::1"];

/** True for addresses only this machine can reach: where DNS rebinding is the threat. */
export function isLoopbackAddress(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * The host name of a Host header (no port, no brackets, lower case), or
 * undefined when the header is missing or malformed.
 */
export function hostName(header: string | null): string | undefined {
  if (!header) return undefined;
  const match = /^(?:\[([0-9a-f:.]+)\]|([^:[\]]+))(?::\d{1,5})?$/i.exec(header.trim());
  const name = match?.[1] ?? match?.[2];
  return name?.toLowerCase().replace(/\.$/, "");
}

/** True when `name` is one of `allowed` (see {@link AllowedHosts}). */
export function isHostAllowed(name: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    const pattern = entry.toLowerCase();
    if (!pattern.startsWith(".")) return name === pattern;
    return name === pattern.slice(1) || name.endsWith(pattern);
  });
}

/**
 * Refuses, with 403, every request whose Host header names none of the
 * allowed hosts. A page on another site that rebinds its own name to this
 * machine's address sends that name as its Host, so a development server on
 * a laptop cannot be driven from any web page its developer happens to open.
 */
export function installHostCheck(h3: H3, allowed: AllowedHosts): void {
  if (allowed === true) return;
  const hosts = [...allowed];
  h3.use((event) => {
    const name = hostName(event.req.headers.get("host"));
    if (name !== undefined && isHostAllowed(name, hosts)) return undefined;
    return errorResponse(
      "forbidden",
      `This server does not answer to the host ${JSON.stringify(name ?? event.req.headers.get("host") ?? "")}. If that name is yours, add it to allowedHosts.`,
    );
  });
}
