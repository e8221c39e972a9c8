import { ROUTES } from "../protocol/index.ts";
import { EdgelitApiError } from "../errors/api-error.ts";
import { sniffType } from "./sniff.ts";
import {
  isUploadedFile,
  SHOW_AS_MEDIA,
  type ShowableUpload,
  type UploadedFile,
} from "./uploaded-file.ts";

/** What media elements accept: bytes, a Blob, an uploaded file, or a URL / data: URI. */
export type MediaInput = Uint8Array | ArrayBuffer | Blob | UploadedFile | string;

/** Options every media element takes. */
export interface MediaOptions {
  /** The MIME type, when it cannot be told from the bytes. */
  mime?: string;
  /** Send the bytes inside the page as a data: URI, whatever their size. */
  inline?: boolean;
}

/** Media up to this size go inline as data: URIs; larger ones are stored and served by URL. */
export const INLINE_MEDIA_BYTES = 4096;

/** Where a run stores the media it shows. */
export interface MediaSink {
  /**
   * Stores the bytes (before the element showing them is sent) and gives their id.
   * `sealed`: the caller never changes these bytes, so their id may be remembered.
   */
  storeMedia(bytes: Uint8Array, type: string, sealed?: boolean): Promise<string>;
}

/**
 * The `src` of some media: at once for URLs and small bytes (inline), or a
 * promise for bytes that are stored first, and for sources that must be read
 * first (a Blob, an uploaded file). An element waiting on the promise is sent
 * once it resolves, so the page never asks for media that are not stored yet.
 */
export function mediaSource(
  sink: MediaSink,
  input: MediaInput,
  options: MediaOptions = {},
): string | Promise<string> {
  if (typeof input === "string") return checkedUrl(input);
  if (input instanceof Uint8Array) return fromBytes(sink, input, options.mime, options.inline);
  if (input instanceof ArrayBuffer)
    return fromBytes(sink, new Uint8Array(input), options.mime, options.inline);
  if (isUploadedFile(input)) {
    // Served from the upload's own chunks: the run neither reads nor hashes the file.
    const showAsMedia = (input as ShowableUpload)[SHOW_AS_MEDIA];
    if (showAsMedia && !options.inline && input.size > INLINE_MEDIA_BYTES)
      return showAsMedia(options.mime ?? input.type).then((id) => `${ROUTES.media}${id}`);
    return input
      .bytes()
      .then((bytes) => fromBytes(sink, bytes, options.mime ?? input.type, options.inline));
  }
  if (typeof Blob !== "undefined" && input instanceof Blob) {
    return input
      .arrayBuffer()
      .then((buffer) =>
        fromBytes(
          sink,
          new Uint8Array(buffer),
          options.mime ?? (input.type || undefined),
          options.inline,
        ),
      );
  }
  throw new EdgelitApiError(
    "Media must be bytes (Uint8Array or ArrayBuffer), a Blob, an uploaded file, or a URL.",
  );
}

function fromBytes(
  sink: MediaSink,
  bytes: Uint8Array,
  mime: string | undefined,
  inline: boolean | undefined,
): string | Promise<string> {
  const type = mime ?? sniffType(bytes) ?? "application/octet-stream";
  if (inline || bytes.length <= INLINE_MEDIA_BYTES) return `data:${type};base64,${toBase64(bytes)}`;
  return sink.storeMedia(bytes, type).then((id) => `${ROUTES.media}${id}`);
}

function checkedUrl(url: string): string {
  if (/^(https?:\/\/|data:|\/)/i.test(url) && !url.startsWith("//")) return url;
  throw new EdgelitApiError(
    `Media URLs must be http(s):, data:, or a path on this server; got "${url.slice(0, 60)}".`,
  );
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
