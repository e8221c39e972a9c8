import { createStorage, type Storage } from "unstorage";
import r2BindingDriver from "unstorage/drivers/cloudflare-r2-binding";
import {
  s3Credentials,
  s3MediaStorage,
  type MediaStorageSpec,
} from "../../src/media/media-storage-spec.ts";

/**
 * The bytes' store a Worker's `mediaStorage` setting names: `r2:<BINDING>` (an R2 bucket bound to
 * the Worker) or an S3-compatible bucket, its keys from the bindings (`AWS_ACCESS_KEY_ID`,
 * `AWS_SECRET_ACCESS_KEY`, set with `wrangler secret put`) or the secrets. Throws an error naming
 * the setting when the binding or the keys are missing.
 *
 * @example
 * const bytes = workerMediaStorage(parseMediaStorageSpec("r2:MEDIA"), env);
 */
export function workerMediaStorage(
  spec: MediaStorageSpec,
  env: object,
  secrets?: Readonly<Record<string, unknown>>,
): Storage {
  if (spec.kind === "fs")
    throw new Error(
      "mediaStorage fs:<dir> is for Node; on a Worker use r2:<BINDING> or an s3:// bucket",
    );
  if (spec.kind === "s3")
    return s3MediaStorage(spec, s3Credentials(env as Record<string, unknown>, secrets));
  const binding = (env as Record<string, unknown>)[spec.binding];
  if (!binding || typeof (binding as { put?: unknown }).put !== "function")
    throw new Error(
      `mediaStorage r2:${spec.binding}: the Worker has no R2 binding named ${spec.binding} (add it under r2_buckets in wrangler.toml)`,
    );
  return createStorage({ driver: r2BindingDriver({ binding: binding as never }) });
}
