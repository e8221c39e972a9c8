import { isAccepted, type UploadSettings } from "../elements/inputs/uploads.ts";
import type { UploadedFileRef } from "../protocol/index.ts";
import type { UploadBatch } from "../media/media-store.ts";
import { kindOfName, toUploadType } from "../media/media-types.ts";
import { RequestError } from "./errors.ts";
import { MultipartReader, type MultipartPart } from "./multipart-reader.ts";

/** What a file's type is told from: its first bytes (as much as `sniffKind` ever looks at, and more). */
const SNIFF_BYTES = 512;

/** What receiving an upload needs to know of its widget. */
export interface UploadTarget {
  widgetId: string;
  settings: UploadSettings;
  /** The largest file the widget takes here (its own limit within the server's). */
  maxBytes: number;
}

/**
 * Reads a multipart upload as it arrives and writes each file's chunks to
 * the store as they come: its type is told from its first bytes and checked
 * before anything is written, its size as it grows. A refusal reads the rest
 * of the body without keeping it (so the client sees the answer) and throws;
 * the caller then removes whatever the batch wrote.
 */
export async function receiveUpload(
  body: ReadableStream<Uint8Array> | null,
  boundary: string,
  batch: UploadBatch,
  target: UploadTarget,
): Promise<UploadedFileRef[]> {
  if (!body) throw cutShort();
  const reader = new MultipartReader(body, boundary);
  const stored: UploadedFileRef[] = [];
  try {
    for (let part; (part = await reader.nextPart());) {
      if (part.name !== "file" || part.filename === undefined) continue;
      if (!target.settings.multiple && stored.length > 0)
        throw new RequestError(
          "bad_request",
          "This widget holds one file; the upload had several.",
        );
      stored.push(await receiveFile(reader, part, batch, target));
    }
  } catch (error) {
    if (error instanceof RequestError) {
      await reader.drain().catch(() => {});
      throw error;
    }
    // A body that is not multipart, or a connection that broke off.
    throw cutShort();
  }
  if (stored.length === 0)
    throw new RequestError(
      "bad_request",
      'The upload holds no file (expected form fields named "file").',
    );
  return stored;
}

async function receiveFile(
  reader: MultipartReader,
  part: MultipartPart,
  batch: UploadBatch,
  target: UploadTarget,
): Promise<UploadedFileRef> {
  const name = part.filename || "file";
  const pieces = reader.body();
  let head: Uint8Array = new Uint8Array(0);
  let ended = false;
  while (head.length < SNIFF_BYTES) {
    const next = await pieces.next();
    if (next.done) {
      ended = true;
      break;
    }
    head = append(head, next.value);
  }
  const tooLarge = async (received: number) => {
    let size = received;
    // The rest of the file is counted, not kept: the message says how large it is.
    for await (const piece of pieces) size += piece.length;
    return new RequestError(
      "payload_too_large",
      `"${name}" is ${formatBytes(size)}; this widget accepts files up to ${formatBytes(target.maxBytes)}.`,
    );
  };
  if (head.length > target.maxBytes) throw await tooLarge(head.length);
  // The stored type comes from the bytes: the client's type is a claim anyone can forge.
  const { type, kind } = toUploadType(head, part.contentType);
  const { accept } = target.settings;
  if (!isAccepted(accept, name, type))
    throw new RequestError(
      "unsupported_media_type",
      `"${name}" is not a type this widget accepts (${accept?.join(", ")}).`,
    );
  const promised = kindOfName(name);
  if (accept?.length && promised && promised !== kind)
    throw new RequestError(
      "unsupported_media_type",
      `"${name}" is not ${promised.name}: its content does not match its extension.`,
    );
  const writer = await inStore(batch.file(target.widgetId));
  await inStore(writer.write(head));
  if (!ended)
    for await (const piece of pieces) {
      if (writer.size + piece.length > target.maxBytes)
        throw await tooLarge(writer.size + piece.length);
      await inStore(writer.write(piece));
    }
  return inStore(writer.finish({ name, type }));
}

/** A store that fails mid-upload is the server's trouble, not a malformed body. */
function inStore<T>(pending: Promise<T>): Promise<T> {
  return pending.catch((error: Error) => {
    throw new RequestError("store_unavailable", `The store is unavailable: ${error.message}`);
  });
}

function cutShort(): RequestError {
  return new RequestError(
    "bad_request",
    "The upload was cut short or is not valid multipart/form-data.",
  );
}

function append(head: Uint8Array, piece: Uint8Array): Uint8Array {
  const out = new Uint8Array(head.length + piece.length);
  out.set(head);
  out.set(piece, head.length);
  return out;
}

/** A size as people read it (B, KB, MB). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
