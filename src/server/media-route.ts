import { FastResponse } from "srvx";
import type { MediaStore } from "../media/media-store.ts";
import { toServedType } from "../media/media-types.ts";
import type { ServerLog } from "./server-log.ts";
import { openStoredMedia } from "./stored-media.ts";

/**
 * Media are served from the app's origin and need no session, so whatever a
 * document among them holds must never run there: every answer is a
 * sandboxed document that may load nothing (an image or a video opened on
 * its own is the document's own bytes, which the policy does not govern).
 */
const MEDIA_CSP = "default-src 'none'; sandbox";

/**
 * `GET /_edgelit/media/<id>`: stored media, from any replica. Content ids
 * never change meaning, so answers are cacheable forever; ranges let a video
 * seek without downloading the whole file, and read only the chunks they cover.
 */
export async function mediaRoute(
  request: Request,
  mediaId: string,
  media: MediaStore,
  log: ServerLog,
): Promise<Response> {
  const entry = await openStoredMedia(mediaId, media, log, "media");
  if (entry instanceof Response) return entry;
  const { meta } = entry;
  const size = meta.size;
  const etag = `"${mediaId}"`;
  const { contentType, inline } = toServedType(meta.type);
  const headers: Record<string, string> = {
    "content-type": contentType,
    "accept-ranges": "bytes",
    // Private: an upload is one session's file, and shared caches have no business keeping it.
    "cache-control": "private, max-age=31536000, immutable",
    etag,
    "x-content-type-options": "nosniff",
    "content-security-policy": MEDIA_CSP,
  };
  if (!inline) headers["content-disposition"] = "attachment";
  if (request.headers.get("if-none-match") === etag)
    return new FastResponse(null, { status: 304, headers });

  const range = request.headers.get("range");
  let status = 200;
  let start = 0;
  let end = size;
  if (range) {
    const slice = parseRange(range, size);
    if (!slice)
      return new FastResponse(null, {
        status: 416,
        headers: { ...headers, "content-range": `bytes */${size}` },
      });
    start = slice.start;
    end = slice.end + 1;
    headers["content-range"] = `bytes ${slice.start}-${slice.end}/${size}`;
    status = 206;
  }
  headers["content-length"] = String(end - start);
  // Read chunk by chunk as the client takes them: only the chunks the range covers, one at a time.
  const body = request.method === "HEAD" || end === start ? null : entry.stream(start, end);
  return new FastResponse(body, { status, headers });
}

/** One `bytes=` range (start-end, start-, or -suffix) within `size`, or undefined when unsatisfiable. */
export function parseRange(
  header: string,
  size: number,
): { start: number; end: number } | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "") || size === 0) return undefined;
  let start: number;
  let end: number;
  if (match[1] === "") {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : undefined;
}
