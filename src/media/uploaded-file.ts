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

/** A handle on a stored upload; `read` fetches its bytes from the store. */
export function createUploadedFile(
  ref: UploadedFileRef,
  read: () => Promise<Uint8Array | undefined>,
): UploadedFile {
  const bytes = async () => {
    const stored = await read();
    if (!stored)
      throw new EdgelitApiError(
        `The file "${ref.name}" is no longer available: uploads expire with their session.`,
      );
    // A copy: stores hand back Buffers (fs, Redis) or views on the stored entry (memory).
    return new Uint8Array(stored);
  };
  return {
    ...ref,
    bytes,
    arrayBuffer: async () => (await bytes()).buffer,
    text: async () => new TextDecoder().decode(await bytes()),
    stream: () =>
      new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(await bytes());
          controller.close();
        },
      }),
  };
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
