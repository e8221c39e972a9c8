import { FastResponse } from "srvx";
import { COMPONENT_MODULE_TYPE } from "../protocol/index.ts";
import type { MediaStore } from "../media/media-store.ts";
import { errorResponse } from "./errors.ts";
import { storeErrorMessage, type ServerLog } from "./server-log.ts";

const MEDIA_ID = /^[0-9a-f]{32}$/;

/**
 * `GET /_edgelit/component-module/<id>`: an inline component's JavaScript
 * module, from any replica, for the page to import (the page's policy allows
 * scripts of its own origin, and nothing evaluated from text). Only modules
 * stored as such are served here: no other media id becomes a script.
 */
export async function componentModuleRoute(
  mediaId: string,
  media: MediaStore,
  log: ServerLog,
): Promise<Response> {
  let entry;
  try {
    entry = MEDIA_ID.test(mediaId) ? await media.openMedia(mediaId) : undefined;
  } catch (error) {
    log.error(
      `[edgelit] store error while reading a component module ${mediaId.slice(0, 8)}: ${storeErrorMessage(error)}`,
    );
    return errorResponse("store_unavailable", "The media store is unavailable.");
  }
  if (!entry || entry.meta.type !== COMPONENT_MODULE_TYPE)
    return errorResponse(
      "not_found",
      "No component module with this id: it may have expired with its session.",
    );
  return new FastResponse(entry.stream(0, entry.meta.size), {
    status: 200,
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "content-length": String(entry.meta.size),
      // Named by its content: it never changes.
      "cache-control": "private, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
