import { createHash } from "node:crypto";
import { join } from "node:path";

/**
 * The file where the `fs` store at `base` keeps a key: one folder per `:`
 * segment, with a segment that is an id (32 hex characters, or a session id of 56) named by its
 * sha256, as the store never names a file by a session id.
 */
export function fsStoreFile(base: string, key: string): string {
  return join(
    base,
    ...key
      .split(":")
      .map((segment) =>
        /^[0-9a-f]{32}(?:[0-9a-f]{24})?$/.test(segment)
          ? `h-${createHash("sha256").update(segment).digest("hex")}`
          : segment,
      ),
  );
}
