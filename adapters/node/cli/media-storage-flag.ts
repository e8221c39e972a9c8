import { resolve } from "node:path";
import { createStorage, type Storage } from "unstorage";
import {
  describeMediaStorage,
  parseMediaStorageSpec,
  s3Credentials,
  s3MediaStorage,
} from "../../../src/media/media-storage-spec.ts";
import { privateFsDriver } from "../private-fs-driver.ts";
import { assertWritableDirectory } from "./storage-flag.ts";

/** The bytes' store `--media-storage` names, and how to describe it. */
export interface ChosenMediaStorage {
  storage: Storage;
  description: string;
  /** False for a bucket: a sweep would list it whole; its lifecycle rule removes old objects. */
  sweep: boolean;
}

/**
 * The store of media, uploads and frame batches for `--media-storage`: an S3-compatible bucket
 * (`s3://<bucket>?endpoint=…&region=…`, its keys from AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY in the environment or the top level of the secrets) or a shared volume
 * (`fs:<dir>`, created if missing). Throws an error naming the option when the setting is
 * malformed, the keys are missing, or the directory cannot be written.
 *
 * @example
 * const media = mediaStorageFromFlag("fs:/mnt/media", process.cwd(), process.env, secrets);
 */
export function mediaStorageFromFlag(
  flag: string,
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  secrets?: Readonly<Record<string, unknown>>,
): ChosenMediaStorage {
  const spec = parseMediaStorageSpec(flag);
  if (spec.kind === "r2")
    throw new Error(
      `--media-storage r2:${spec.binding} names a binding of a Cloudflare Worker; on Node, reach R2 by its S3 API: s3://<bucket>?endpoint=https://<account>.r2.cloudflarestorage.com&region=auto`,
    );
  if (spec.kind === "fs") {
    const base = resolve(cwd, spec.dir);
    assertWritableDirectory(base, "the --media-storage directory");
    return {
      storage: createStorage({ driver: privateFsDriver({ base }) }),
      description: `fs ${base}`,
      sweep: true,
    };
  }
  return {
    storage: s3MediaStorage(spec, s3Credentials(env, secrets)),
    description: describeMediaStorage(spec),
    sweep: false,
  };
}
