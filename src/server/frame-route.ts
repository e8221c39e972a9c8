import { FastResponse } from "srvx";
import { FRAME_DOCUMENT_TYPE } from "../protocol/index.ts";
import type { MediaStore } from "../media/media-store.ts";
import type { ServerLog } from "./server-log.ts";
import { openStoredMedia } from "./stored-media.ts";

/**
 * The policy of a `components.html` document: a sandbox without
 * `allow-same-origin`, so whether it is framed or opened on its own, it runs
 * in an opaque origin of its own and can reach nothing of the app's (its
 * session id, storage, cookies). Inside that sandbox it may run its scripts
 * and load what it names, as a component's HTML expects to.
 */
export const FRAME_CSP =
  "sandbox allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads";

/**
 * `GET /_edgelit/frame/<id>`: the HTML of a `components.html` call, from any
 * replica. Only documents stored as such are served here; any other media id
 * is unknown to this route (the media route serves those, as attachments).
 */
export async function frameRoute(
  request: Request,
  mediaId: string,
  media: MediaStore,
  log: ServerLog,
): Promise<Response> {
  const entry = await openStoredMedia(mediaId, media, log, "frame", FRAME_DOCUMENT_TYPE);
  if (entry instanceof Response) return entry;
  const headers = {
    "content-type": "text/html; charset=utf-8",
    "content-length": String(entry.meta.size),
    "cache-control": "private, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
    "content-security-policy": FRAME_CSP,
  };
  const body = request.method === "HEAD" ? null : entry.stream(0, entry.meta.size);
  return new FastResponse(body, { status: 200, headers });
}
