import { describe, expect, test } from "vitest";
import { parseMediaStorageSpec, s3Credentials } from "../../../src/media/media-storage-spec.ts";

describe("--media-storage settings", () => {
  test("an S3 bucket with its endpoint and region; AWS's endpoint by default", () => {
    expect(
      parseMediaStorageSpec("s3://media-bytes?endpoint=http://127.0.0.1:4568/&region=auto"),
    ).toEqual({
      kind: "s3",
      bucket: "media-bytes",
      endpoint: "http://127.0.0.1:4568",
      region: "auto",
    });
    expect(parseMediaStorageSpec("s3://media-bytes?region=eu-west-3")).toEqual({
      kind: "s3",
      bucket: "media-bytes",
      endpoint: "https://s3.eu-west-3.amazonaws.com",
      region: "eu-west-3",
    });
  });

  test("a shared volume and an R2 binding", () => {
    expect(parseMediaStorageSpec("fs:/mnt/media")).toEqual({ kind: "fs", dir: "/mnt/media" });
    expect(parseMediaStorageSpec("r2:MEDIA")).toEqual({ kind: "r2", binding: "MEDIA" });
  });

  test.each([
    ["bucket", /must be s3:\/\/<bucket>/],
    ["s3://", /needs a bucket name|not a valid URL/],
    ["s3://Bad_Bucket", /needs a bucket name/],
    ["s3://media/some/path", /no path/],
    ["s3://media?endpoint=ftp://example.com", /endpoint must be an http\(s\) URL/],
    ["s3://media?colour=blue", /"colour" is unknown/],
    ["s3://media?secretAccessKey=abc", /must not carry credentials/],
    ["s3://key:secret@media", /must not carry credentials/],
    ["fs:", /needs a directory/],
    ["r2:not a name", /name of an R2 binding/],
  ])("%s is refused with a sentence naming the option", (spec, reason) => {
    expect(() => parseMediaStorageSpec(spec)).toThrow(reason);
    expect(() => parseMediaStorageSpec(spec)).toThrow(/--media-storage/);
  });

  test("keys come from the environment first, then the secrets; missing ones are named", () => {
    expect(
      s3Credentials(
        { AWS_ACCESS_KEY_ID: "env-id" },
        { AWS_ACCESS_KEY_ID: "file-id", AWS_SECRET_ACCESS_KEY: "file-secret" },
      ),
    ).toEqual({ accessKeyId: "env-id", secretAccessKey: "file-secret" });
    expect(() => s3Credentials({}, undefined)).toThrow(
      /--media-storage .*needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
    );
  });
});
