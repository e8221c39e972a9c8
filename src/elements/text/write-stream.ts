import { type ElementTarget } from "../core/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";

/** What `writeStream` reads: chunks of text (or UTF-8 bytes), or a function that returns them. */
export type TextStream =
  | AsyncIterable<string | Uint8Array>
  | Iterable<string>
  | ReadableStream<string | Uint8Array>;

/** A {@link TextStream}, or a function (an async generator function, say) that makes one. */
export type TextStreamSource = TextStream | (() => TextStream | Promise<TextStream>);

/**
 * Shows the text of `source` as markdown, growing in place as chunks arrive;
 * each chunk is an update the browser receives while the script runs.
 * Resolves to the whole text.
 */
export async function writeStream(
  target: ElementTarget,
  source: TextStreamSource,
): Promise<string> {
  // Taken before the first await, so the text keeps its place among what the script draws next.
  // Nothing shows there until the first chunk.
  const slot = target.element(target.slot());
  const stream = typeof source === "function" ? await source() : source;
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of chunksOf(stream)) {
    const piece = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (!piece) continue;
    text += piece;
    slot.emit("markdown", { body: text });
  }
  const rest = decoder.decode();
  if (rest) slot.emit("markdown", { body: (text += rest) });
  return text;
}

async function* chunksOf(stream: TextStream): AsyncGenerator<string | Uint8Array> {
  if (typeof stream === "string") {
    yield stream;
  } else if (isReadableStream(stream)) {
    const reader = stream.getReader();
    let done = false;
    try {
      for (let read = await reader.read(); !(done = read.done); read = await reader.read())
        yield read.value;
    } finally {
      // The run stopped mid-stream (the page went away): tell the source to stop producing.
      if (!done) void reader.cancel().catch(() => {});
      reader.releaseLock();
    }
  } else if (
    typeof stream === "object" &&
    stream !== null &&
    (Symbol.asyncIterator in stream || Symbol.iterator in stream)
  ) {
    for await (const chunk of stream as AsyncIterable<unknown>) {
      yield typeof chunk === "string" || chunk instanceof Uint8Array ? chunk : String(chunk);
    }
  } else {
    throw new EdgelitApiError(
      "st.writeStream takes an async iterable, an iterable of strings, a ReadableStream, or a function returning one.",
    );
  }
}

function isReadableStream(value: unknown): value is ReadableStream<string | Uint8Array> {
  return typeof ReadableStream !== "undefined" && value instanceof ReadableStream;
}
