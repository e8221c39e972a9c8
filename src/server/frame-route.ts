import { FastResponse } from "srvx";
import { FRAME_DOCUMENT_TYPE } from "../protocol/index.ts";
import type { MediaStore } from "../media/media-store.ts";
import { errorResponse } from "./errors.ts";
import { storeErrorMessage, type ServerLog } from "./server-log.ts";

const MEDIA_ID = /^[0-9a-f]{32}$/;

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
  let entry;
  try {
    entry = MEDIA_ID.test(mediaId) ? await media.openMedia(mediaId) : undefined;
  } catch (error) {
    log.error(
      `[edgelit] store error while reading a frame ${mediaId.slice(0, 8)}: ${storeErrorMessage(error)}`,
    );
    return errorResponse("store_unavailable", "The media store is unavailable.");
  }
  if (!entry || entry.meta.type !== FRAME_DOCUMENT_TYPE)
    return errorResponse(
      "not_found",
      "No frame with this id: it may have expired with its session.",
    );
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
