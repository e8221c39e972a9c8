import { FastResponse } from "srvx";
import { isUploadKind } from "../elements/kinds.ts";
import { isAccepted, type UploadSettings } from "../elements/inputs/uploads.ts";
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
import type { MediaStore } from "../media/media-store.ts";
import { kindOfName, toUploadType } from "../media/media-types.ts";
import { shortSessionId, storeErrorMessage, type ServerLog } from "./server-log.ts";

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
 * of one session, on whichever replica receives them. Everything is checked
 * before anything is stored, so a refused upload leaves nothing behind.
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
      `[edgelit] store error while loading session ${shortSessionId(sessionId)} for an upload: ${storeErrorMessage(error)}`,
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

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new RequestError(
      "bad_request",
      "The upload was cut short or is not valid multipart/form-data.",
    );
  }
  const chosen = form
    .getAll("file")
    .filter(
      (entry): entry is File =>
        typeof entry === "object" && entry !== null && "arrayBuffer" in entry,
    );
  if (chosen.length === 0)
    throw new RequestError(
      "bad_request",
      'The upload holds no file (expected form fields named "file").',
    );
  if (!settings.multiple && chosen.length > 1)
    throw new RequestError("bad_request", "This widget holds one file; the upload had several.");
  const checked = [];
  for (const file of chosen) {
    if (file.size > maxBytes)
      throw new RequestError(
        "payload_too_large",
        `"${file.name}" is ${formatBytes(file.size)}; this widget accepts files up to ${formatBytes(maxBytes)}.`,
      );
    // The stored type comes from the bytes: the client's type is a claim anyone can forge.
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { type, kind } = toUploadType(bytes, file.type);
    if (!isAccepted(settings.accept, file.name, type)) {
      throw new RequestError(
        "unsupported_media_type",
        `"${file.name}" is not a type this widget accepts (${settings.accept?.join(", ")}).`,
      );
    }
    const promised = kindOfName(file.name);
    if (settings.accept?.length && promised && promised !== kind)
      throw new RequestError(
        "unsupported_media_type",
        `"${file.name}" is not ${promised.name}: its content does not match its extension.`,
      );
    checked.push({ name: file.name || "file", type, bytes });
  }
  const stored = [];
  try {
    for (const file of checked)
      stored.push(await context.media.putUpload(sessionId, widgetId, file));
  } catch (error) {
    context.log.error(
      `[edgelit] store error while storing an upload of session ${shortSessionId(sessionId)}: ${storeErrorMessage(error)}`,
    );
    throw new RequestError(
      "store_unavailable",
      "The session store is unavailable: the upload was not stored.",
    );
  }
  return { files: stored };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
