import { createStorage, type Storage } from "unstorage";
import s3Driver from "unstorage/drivers/s3";

/** A `--media-storage` setting, read (see {@link parseMediaStorageSpec}). */
export type MediaStorageSpec =
  | { kind: "s3"; bucket: string; endpoint: string; region: string }
  | { kind: "fs"; dir: string }
  | { kind: "r2"; binding: string };

/** An access key pair for an S3-compatible bucket. */
export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

const OPTION = "--media-storage (mediaStorage, EDGELIT_MEDIA_STORAGE)";
const SPEC_FORMS = "s3://<bucket>?endpoint=<https URL>&region=<region>, fs:<dir> or r2:<BINDING>";
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const BINDING_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const S3_PARAMS = new Set(["endpoint", "region"]);

/**
 * Reads a media storage setting: `s3://<bucket>?endpoint=…&region=…` (an S3-compatible bucket;
 * endpoint defaults to AWS's for the region, region to us-east-1), `fs:<dir>` (a shared volume)
 * or `r2:<BINDING>` (a Worker's R2 binding). Throws an error naming the option for anything else,
 * and for credentials written into the URL: they come from the environment or the secrets.
 *
 * @example
 * parseMediaStorageSpec("s3://media?endpoint=http://127.0.0.1:4568&region=auto");
 */
export function parseMediaStorageSpec(spec: string): MediaStorageSpec {
  const value = spec.trim();
  if (value.startsWith("fs:")) {
    const dir = value.slice(3);
    if (!dir) throw new Error(`${OPTION} fs: needs a directory, e.g. fs:/mnt/shared/media`);
    return { kind: "fs", dir };
  }
  if (value.startsWith("r2:")) {
    const binding = value.slice(3);
    if (!BINDING_NAME.test(binding))
      throw new Error(
        `${OPTION} r2: needs the name of an R2 binding, e.g. r2:MEDIA; got "${spec}"`,
      );
    return { kind: "r2", binding };
  }
  if (value.startsWith("s3://")) return parseS3Spec(value, spec);
  throw new Error(`${OPTION} must be ${SPEC_FORMS}; got "${spec}"`);
}

/**
 * The key pair of an S3 bucket: `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`, from the
 * environment (or a Worker's bindings) first, then the top level of the secrets. Throws an
 * error naming the option and both names when either is missing.
 *
 * @example
 * const credentials = s3Credentials(process.env, secrets);
 */
export function s3Credentials(
  ...sources: (Readonly<Record<string, unknown>> | undefined)[]
): S3Credentials {
  const find = (name: string) => {
    for (const source of sources) {
      const found = source?.[name];
      if (typeof found === "string" && found !== "") return found;
    }
    return undefined;
  };
  const accessKeyId = find("AWS_ACCESS_KEY_ID");
  const secretAccessKey = find("AWS_SECRET_ACCESS_KEY");
  if (!accessKeyId || !secretAccessKey)
    throw new Error(
      `${OPTION} s3:// needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, in the environment or the secrets file (never in the URL)`,
    );
  return { accessKeyId, secretAccessKey };
}

/**
 * The unstorage instance over an S3-compatible bucket (through aws4fetch's Web Crypto signer,
 * so the same code runs on Node and on Workers).
 *
 * @example
 * const bytes = s3MediaStorage(parseMediaStorageSpec(spec), s3Credentials(process.env));
 */
export function s3MediaStorage(
  spec: Extract<MediaStorageSpec, { kind: "s3" }>,
  credentials: S3Credentials,
): Storage {
  return createStorage({
    driver: s3Driver({
      bucket: spec.bucket,
      endpoint: spec.endpoint,
      region: spec.region,
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
    }),
  });
}

/** How a media storage is named in the server's startup line (never its credentials). */
export function describeMediaStorage(spec: MediaStorageSpec): string {
  if (spec.kind === "s3") return `s3 bucket ${spec.bucket} at ${spec.endpoint}`;
  if (spec.kind === "fs") return `fs ${spec.dir}`;
  return `R2 binding ${spec.binding}`;
}

// --- Internal helpers ---

function parseS3Spec(value: string, spec: string): MediaStorageSpec {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${OPTION} is not a valid URL: "${spec}"; expected ${SPEC_FORMS}`);
  }
  if (url.username || url.password)
    throw new Error(
      `${OPTION} must not carry credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment or the secrets file`,
    );
  const bucket = url.hostname;
  if (!BUCKET_NAME.test(bucket) || (url.pathname !== "" && url.pathname !== "/"))
    throw new Error(
      `${OPTION} s3:// needs a bucket name (3 to 63 lowercase letters, digits, dots, dashes) and no path; got "${spec}"`,
    );
  for (const name of url.searchParams.keys())
    if (!S3_PARAMS.has(name))
      throw new Error(
        /secret|key|token|credential|signature/i.test(name)
          ? `${OPTION} must not carry credentials in its query ("${name}"): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment or the secrets file`
          : `${OPTION} s3:// takes endpoint and region in its query; "${name}" is unknown`,
      );
  const region = url.searchParams.get("region") || "us-east-1";
  if (!/^[a-z0-9-]+$/.test(region))
    throw new Error(
      `${OPTION} region must be a region name such as us-east-1 or auto; got "${region}"`,
    );
  const endpoint = url.searchParams.get("endpoint") || `https://s3.${region}.amazonaws.com`;
  let endpointUrl: URL | undefined;
  try {
    endpointUrl = new URL(endpoint);
  } catch {
    endpointUrl = undefined;
  }
  if (!endpointUrl || !/^https?:$/.test(endpointUrl.protocol) || endpointUrl.search)
    throw new Error(`${OPTION} endpoint must be an http(s) URL without a query; got "${endpoint}"`);
  return { kind: "s3", bucket, endpoint: endpoint.replace(/\/+$/, ""), region };
}
