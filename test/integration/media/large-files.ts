import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { CLIENT_HEADER, ROUTES, UPLOAD_SESSION_HEADER } from "../../../src/protocol/index.ts";

/**
 * Files too large to hold in a test's memory: made on the fly, byte by
 * byte from their offset, sent as they are made, and hashed as they go.
 */

/** The bytes of the large test file from `offset`: the start of an MP4 (so it is stored as video), then a pattern. */
export function largeFileBytes(offset: number, length: number): Uint8Array {
  const head = [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d];
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const at = offset + i;
    bytes[i] = at < head.length ? head[at]! : (at * 31 + (at >>> 13)) & 0xff;
  }
  return bytes;
}

/** The peak resident memory of a process so far (VmHWM), in bytes. */
export function peakRss(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (!kb) throw new Error(`no VmHWM for process ${pid}`);
  return Number(kb) * 1024;
}

/** What a streamed upload sent and got back. */
export interface StreamedUpload {
  status: number;
  body: string;
  /** `<length> bytes, sha256 <hex>` of the file sent. */
  sent: string;
}

/**
 * Uploads a `size`-byte file to an upload widget as the page does
 * (multipart/form-data), made and sent 1 MB at a time with backpressure.
 * With `abortWhen`, the connection is destroyed (midway) as soon as it says so.
 */
export function streamUpload(
  baseUrl: string,
  target: { sessionId: string; widgetId: string },
  file: { name: string; size: number },
  abortWhen?: () => boolean,
): Promise<StreamedUpload> {
  const boundary = "----edgelit-large-upload";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const hash = createHash("sha256");
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${baseUrl}${ROUTES.upload}?widget=${encodeURIComponent(target.widgetId)}`,
      {
        method: "POST",
        headers: {
          [CLIENT_HEADER]: "1",
          [UPLOAD_SESSION_HEADER]: target.sessionId,
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": String(head.length + file.size + tail.length),
        },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (text: string) => (body += text));
        response.on("end", () =>
          resolve({
            status: response.statusCode!,
            body,
            sent: `${file.size} bytes, sha256 ${hash.digest("hex")}`,
          }),
        );
      },
    );
    request.on("error", (error) =>
      abortWhen === undefined ? reject(error) : resolve({ status: 0, body: "", sent: "" }),
    );
    const send = async () => {
      const write = (bytes: Uint8Array) =>
        request.write(bytes)
          ? Promise.resolve()
          : new Promise((done) => request.once("drain", done));
      await write(head);
      for (let offset = 0; offset < file.size; offset += 1 << 20) {
        if (abortWhen?.()) {
          request.destroy();
          return;
        }
        const piece = largeFileBytes(offset, Math.min(1 << 20, file.size - offset));
        hash.update(piece);
        await write(piece);
      }
      request.end(tail);
    };
    send().catch(reject);
  });
}

/** GETs a path and hashes its body as it arrives: `<length> bytes, sha256 <hex>`. */
export async function fetchDigest(baseUrl: string, path: string): Promise<string> {
  const response = await fetch(baseUrl + path);
  const hash = createHash("sha256");
  let length = 0;
  for await (const piece of response.body!) {
    hash.update(piece);
    length += piece.length;
  }
  return `${length} bytes, sha256 ${hash.digest("hex")}`;
}

/** The files under a folder of the fs store (recursively), as paths relative to it. */
export function storedFiles(root: string, ...parts: string[]): string[] {
  const dir = join(root, ...parts);
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
        .sort()
    : [];
}
