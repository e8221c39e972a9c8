import type { UploadedFileRef } from "../protocol/index.ts";
import { EdgelitApiError } from "../errors/api-error.ts";

/**
 * A file the user gave an upload widget. Its bytes stay in the store and are
 * read on demand, on whichever replica runs the app. `bytes()` gives a plain
 * Uint8Array (never a Buffer, whatever the store returns) over a buffer of
 * its own: changing it changes neither the stored file nor the next read.
 *
 * @example
 * const file = st.fileUploader("CSV", { accept: [".csv"] });
 * if (file) st.write(`${file.name}: ${(await file.text()).split("\n").length} lines`);
 */
export interface UploadedFile extends UploadedFileRef {
  bytes(): Promise<Uint8Array<ArrayBuffer>>;
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
  stream(): ReadableStream<Uint8Array>;
}

/** Shows an uploaded file as media without reading it: gives the media id it is served under. */
export const SHOW_AS_MEDIA: unique symbol = Symbol("edgelit.showAsMedia");

/** How a stored upload is read, besides whole: chunk by chunk, and served as media in place. */
export interface UploadAccess {
  /** The file's bytes as a stream read one chunk at a time, or undefined once it has expired. */
  open?: () => Promise<ReadableStream<Uint8Array> | undefined>;
  showAsMedia?: (type: string) => Promise<string>;
}

/** An uploaded file that can be shown as media in place. */
export type ShowableUpload = UploadedFile & { [SHOW_AS_MEDIA]?: (type: string) => Promise<string> };

/** A handle on a stored upload; `read` fetches its bytes from the store. */
export function createUploadedFile(
  ref: UploadedFileRef,
  read: () => Promise<Uint8Array | undefined>,
  access: UploadAccess = {},
): UploadedFile {
  const gone = () =>
    new EdgelitApiError(
      `The file "${ref.name}" is no longer available: uploads expire with their session.`,
    );
  const bytes = async () => {
    const stored = await read();
    if (!stored) throw gone();
    // A copy: stores hand back Buffers (fs, Redis) or views on the stored entry (memory).
    return new Uint8Array(stored);
  };
  const file: ShowableUpload = {
    ...ref,
    bytes,
    arrayBuffer: async () => (await bytes()).buffer,
    text: async () => new TextDecoder().decode(await bytes()),
    stream: () => (access.open ? chunked(access.open, gone) : whole(bytes)),
  };
  if (access.showAsMedia) file[SHOW_AS_MEDIA] = access.showAsMedia;
  return file;
}

/** True for a value that is an UploadedFile handle. */
export function isUploadedFile(value: unknown): value is UploadedFile {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as UploadedFile).bytes === "function" &&
    typeof (value as UploadedFile).id === "string"
  );
}

// --- Internal helpers ---

/** A stream that reads the store one chunk at a time, as the app asks for more. */
function chunked(
  open: () => Promise<ReadableStream<Uint8Array> | undefined>,
  gone: () => Error,
): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!reader) {
          const stream = await open();
          if (!stream) return controller.error(gone());
          reader = stream.getReader();
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader?.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

function whole(bytes: () => Promise<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(await bytes());
      controller.close();
    },
  });
}
