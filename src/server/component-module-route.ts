import { FastResponse } from "srvx";
import { COMPONENT_MODULE_TYPE } from "../protocol/index.ts";
import type { MediaStore } from "../media/media-store.ts";
import type { ServerLog } from "./server-log.ts";
import { openStoredMedia } from "./stored-media.ts";

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
  const entry = await openStoredMedia(
    mediaId,
    media,
    log,
    "component module",
    COMPONENT_MODULE_TYPE,
  );
  if (entry instanceof Response) return entry;
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
