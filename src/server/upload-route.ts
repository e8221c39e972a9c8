import { FastResponse } from "srvx";
import { isUploadKind } from "../elements/kinds.ts";
import type { UploadSettings } from "../elements/inputs/uploads.ts";
import {
  CLIENT_HEADER,
  UPLOAD_SESSION_HEADER,
  UPLOAD_URL_HEADER,
  type UploadAnswer,
} from "../protocol/index.ts";
import type { SessionRecord } from "../session/record.ts";
import { errorResponse, RequestError } from "./errors.ts";
import { isSameOrigin } from "./read-event.ts";
import { isSessionId } from "../session/session-id.ts";
import type { SessionStore } from "../session/store.ts";
import { shortSessionId, storeErrorLine, storeErrorMessage, type ServerLog } from "./server-log.ts";
import type { MediaStore, UploadBatch } from "../media/media-store.ts";
import { UploadQuotaError } from "../media/upload-quota.ts";
import { boundaryOf } from "./multipart-reader.ts";
import { formatBytes, receiveUpload } from "./receive-upload.ts";

/** What the upload route needs. */
export interface UploadContext {
  sessions: SessionStore;
  media: MediaStore;
  /** The largest upload body the server reads, whatever the widget allows. */
  maxUploadBytes: number;
  /** Where a store error is logged. */
  log: ServerLog;
  /** The record of a session never saved, drawn at the page's URL (see freshRecordForUpload). */
  freshRecord?: (sessionId: string, url: string) => Promise<SessionRecord | undefined>;
}

/** Room for multipart boundaries and part headers around the files themselves. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * `POST /_edgelit/upload?widget=<id>`: stores the files of one upload widget
 * of one session, on whichever replica receives them. The body is read as it
 * arrives and each file written in chunks, so memory stays bounded whatever
 * the file's size; a refused or broken-off upload leaves nothing behind.
 */
export async function uploadRoute(request: Request, context: UploadContext): Promise<Response> {
  try {
    const answer = await storeUpload(request, context);
    return new FastResponse(JSON.stringify(answer), {
      headers: { "content-type": "application/json", "cache-control": "no-store" },
    });
  } catch (error) {
    if (error instanceof RequestError) return errorResponse(error.code, error.message);
    throw error;
  }
}

async function storeUpload(request: Request, context: UploadContext): Promise<UploadAnswer> {
  if (!request.headers.get(CLIENT_HEADER))
    throw new RequestError(
      "forbidden",
      `Uploads must carry the ${CLIENT_HEADER} header (sent by the edgelit page).`,
    );
  const origin = request.headers.get("origin");
  if (origin && !isSameOrigin(origin, request))
    throw new RequestError("forbidden", `Uploads from ${origin} are not accepted.`);
  const sessionId = request.headers.get(UPLOAD_SESSION_HEADER);
  if (!isSessionId(sessionId))
    throw new RequestError(
      "bad_request",
      `Uploads must name their session in the ${UPLOAD_SESSION_HEADER} header.`,
    );
  const pageUrl = request.headers.get(UPLOAD_URL_HEADER) ?? "/";
  const loadRecord = async () =>
    (await context.sessions.load(sessionId)) ??
    // A session whose runs held nothing has no record yet: its page is drawn again to find the widget.
    (await context.freshRecord?.(
      sessionId,
      pageUrl.startsWith("/") && pageUrl.length <= 2048 ? pageUrl : "/",
    ));
  const record = await loadRecord().catch((error: unknown) => {
    context.log.error(
      `[edgelit] store error while loading session ${shortSessionId(sessionId)} for an upload: ${storeErrorLine(error)}`,
    );
    throw new RequestError(
      "store_unavailable",
      `The session store is unavailable: ${storeErrorMessage(error)}`,
    );
  });
  if (!record)
    throw new RequestError(
      "session_expired",
      "This session has expired or does not exist; reload the page.",
    );

  const widgetId = new URL(request.url).searchParams.get("widget") ?? "";
  const widget = record.widgets[widgetId];
  if (!widget || !isUploadKind(widget.kind))
    throw new RequestError("bad_request", "That widget is not an upload widget of this session.");
  const settings = widget.spec as UploadSettings;
  const maxBytes = Math.min(settings.maxBytes ?? context.maxUploadBytes, context.maxUploadBytes);

  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    throw new RequestError(
      "unsupported_media_type",
      "Uploads must be sent as multipart/form-data.",
    );
  }
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (!Number.isFinite(declared))
    throw new RequestError("bad_request", "Uploads must declare their Content-Length.");
  const files = settings.multiple ? 1000 : 1;
  if (declared > Math.min(context.maxUploadBytes, maxBytes * files) + MULTIPART_OVERHEAD_BYTES) {
    throw new RequestError(
      "payload_too_large",
      `This upload is larger than the ${formatBytes(maxBytes)} the widget accepts per file.`,
    );
  }

  const boundary = boundaryOf(request.headers.get("content-type") ?? "");
  if (!boundary)
    throw new RequestError(
      "bad_request",
      "The upload was cut short or is not valid multipart/form-data.",
    );
  let batch: UploadBatch;
  try {
    batch = await context.media.beginUpload(sessionId, declared);
  } catch (error) {
    if (error instanceof UploadQuotaError)
      throw new RequestError(
        "payload_too_large",
        `This session's uploads already keep ${formatBytes(error.heldBytes)} of the ${formatBytes(error.maxBytes)} a session may keep at once; this upload of ${formatBytes(declared)} does not fit. Remove some files, or wait for files no longer used to expire.`,
      );
    throw storeFailed(context, sessionId, error);
  }
  try {
    const files = await receiveUpload(request.body, boundary, batch, {
      widgetId,
      settings,
      maxBytes,
    });
    await batch.commit().catch((error: unknown) => {
      throw storeFailed(context, sessionId, error);
    });
    return { files };
  } catch (error) {
    // Refused or broken off: nothing of it stays, not even the chunks of a file half received.
    await batch.abort().catch(() => {});
    if (error instanceof RequestError && error.code === "store_unavailable")
      throw storeFailed(context, sessionId, error);
    throw error;
  }
}

/** Logs a store failure met while storing an upload, and the refusal the page gets for it. */
function storeFailed(context: UploadContext, sessionId: string, error: unknown): RequestError {
  context.log.error(
    `[edgelit] store error while storing an upload of session ${shortSessionId(sessionId)}: ${storeErrorLine(error)}`,
  );
  return new RequestError(
    "store_unavailable",
    "The store that keeps uploads is unavailable: the upload was not stored.",
  );
}
