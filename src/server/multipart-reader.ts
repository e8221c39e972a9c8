/** A part of a multipart/form-data body: its field name, and for a file its name and claimed type. */
export interface MultipartPart {
  name: string;
  /** Set for a file field (possibly ""), absent for a plain field. */
  filename?: string;
  contentType: string;
}

/** A body that is not valid multipart/form-data, or that ended before its closing boundary. */
export class MultipartError extends Error {}

/** The largest block of headers a part may have. */
const MAX_PART_HEADER_BYTES = 16 * 1024;
const CRLF_CRLF = new TextEncoder().encode("\r\n\r\n");

/** The boundary a `multipart/form-data` Content-Type names, or undefined. */
export function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * Reads multipart/form-data as it arrives, one part at a time: `nextPart`
 * gives a part's headers, `body` its bytes in pieces. Whatever the parts'
 * sizes, it holds one network read and a boundary's length of bytes at once.
 *
 * @example
 * const reader = new MultipartReader(request.body, boundaryOf(contentType)!);
 * for (let part; (part = await reader.nextPart()); ) for await (const bytes of reader.body()) use(bytes);
 */
export class MultipartReader {
  private readonly source: ReadableStreamDefaultReader<Uint8Array>;
  private readonly delimiter: Uint8Array;
  // The body as if preceded by CRLF, so the first boundary reads like every other one.
  private buffer: Uint8Array = new TextEncoder().encode("\r\n");
  private state: "preamble" | "delimited" | "body" | "end" = "preamble";

  constructor(body: ReadableStream<Uint8Array>, boundary: string) {
    this.source = body.getReader();
    this.delimiter = new TextEncoder().encode(`\r\n--${boundary}`);
  }

  /** The next part's headers (skipping what is left of the current part's body), or undefined after the last. */
  async nextPart(): Promise<MultipartPart | undefined> {
    if (this.state === "body") for await (const _ of this.body());
    if (this.state === "preamble") {
      for await (const _ of this.until(this.delimiter));
      this.state = "delimited";
    }
    if (this.state === "end") return undefined;
    // After a delimiter: "--" closes the body, CRLF opens a part.
    await this.need(2);
    if (this.buffer[0] === 0x2d && this.buffer[1] === 0x2d) {
      this.state = "end";
      return undefined;
    }
    if (this.buffer[0] !== 0x0d || this.buffer[1] !== 0x0a)
      throw new MultipartError("a boundary is not followed by a line break");
    this.buffer = this.buffer.subarray(2);
    let headerBytes = 0;
    const pieces: Uint8Array[] = [];
    for await (const piece of this.until(CRLF_CRLF)) {
      headerBytes += piece.length;
      if (headerBytes > MAX_PART_HEADER_BYTES)
        throw new MultipartError("a part's headers are too long");
      pieces.push(piece);
    }
    this.state = "body";
    return parseHeaders(new TextDecoder().decode(concat(pieces)));
  }

  /** The current part's bytes, in pieces as they arrive; each piece is the caller's to keep. */
  async *body(): AsyncGenerator<Uint8Array> {
    if (this.state !== "body") return;
    yield* this.until(this.delimiter);
    this.state = "delimited";
  }

  /** Reads and drops the rest of the body (for a refused upload whose client still sends). */
  async drain(): Promise<void> {
    while (this.state !== "end" && (await this.nextPart()));
  }

  /** Yields the bytes before the next `marker`, then consumes the marker. */
  private async *until(marker: Uint8Array): AsyncGenerator<Uint8Array> {
    for (;;) {
      const at = indexOf(this.buffer, marker);
      if (at >= 0) {
        const before = this.buffer.subarray(0, at);
        this.buffer = this.buffer.subarray(at + marker.length);
        if (before.length > 0) yield before;
        return;
      }
      // Keep what could be the start of a marker split across reads.
      const safe = this.buffer.length - (marker.length - 1);
      if (safe > 0) {
        const piece = this.buffer.subarray(0, safe);
        this.buffer = this.buffer.subarray(safe);
        yield piece;
      }
      if (!(await this.read())) throw new MultipartError("the body ended before its last boundary");
    }
  }

  /** Reads until the buffer holds at least `bytes`. */
  private async need(bytes: number): Promise<void> {
    while (this.buffer.length < bytes)
      if (!(await this.read())) throw new MultipartError("the body ended before its last boundary");
  }

  private async read(): Promise<boolean> {
    const { done, value } = await this.source.read();
    if (done) return false;
    // Pieces are views on these arrays, never changed once read: each stays valid for its taker.
    this.buffer = this.buffer.length === 0 ? value : concat([this.buffer, value]);
    return true;
  }
}

// --- Internal helpers ---

function parseHeaders(text: string): MultipartPart {
  let name: string | undefined;
  let filename: string | undefined;
  let contentType = "";
  for (const line of text.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === "content-type") contentType = value;
    if (header !== "content-disposition") continue;
    name = parameter(value, "name");
    filename = parameter(value, "filename");
  }
  if (name === undefined) throw new MultipartError("a part has no name");
  return filename === undefined ? { name, contentType } : { name, filename, contentType };
}

/** A quoted or bare parameter of a Content-Disposition value. */
function parameter(value: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, "i").exec(
    value,
  );
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, "$1") : match[2];
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0]!;
  const last = haystack.length - needle.length;
  for (
    let at = haystack.indexOf(first);
    at !== -1 && at <= last;
    at = haystack.indexOf(first, at + 1)
  ) {
    let matched = 1;
    while (matched < needle.length && haystack[at + matched] === needle[matched]) matched++;
    if (matched === needle.length) return at;
  }
  return -1;
}

function concat(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
