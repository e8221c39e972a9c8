import { EdgelitApiError } from "../errors/api-error.ts";

/**
 * An image as raw pixels, row by row from the top left, `channels` bytes per pixel:
 * 1 grey, 2 grey and alpha, 3 RGB, 4 RGBA (the default when the data's length says 4).
 * A canvas `ImageData` fits this type as it is.
 */
export interface PixelImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels?: 1 | 2 | 3 | 4;
}

/** Whether a value is raw pixels rather than encoded bytes, a Blob, a file or a URL. */
export function isPixelImage(value: unknown): value is PixelImage {
  if (typeof value !== "object" || value === null) return false;
  const { data, width, height } = value as Partial<PixelImage>;
  return (
    (data instanceof Uint8Array || data instanceof Uint8ClampedArray) &&
    typeof width === "number" &&
    typeof height === "number"
  );
}

/** The largest side accepted, as browsers draw nothing much larger. */
const MAX_SIDE = 16384;

/** The channel count of some pixels, checked against their length; throws a sentence. */
export function pixelChannels(image: PixelImage): 1 | 2 | 3 | 4 {
  const { width, height, data } = image;
  for (const [name, side] of [
    ["width", width],
    ["height", height],
  ] as const) {
    if (!Number.isInteger(side) || side < 1 || side > MAX_SIDE)
      throw new EdgelitApiError(
        `st.image: pixels: ${name} must be a whole number from 1 to ${MAX_SIDE}; got ${side}.`,
      );
  }
  const pixels = width * height;
  const channels = image.channels ?? data.length / pixels;
  if (![1, 2, 3, 4].includes(channels) || data.length !== pixels * channels)
    throw new EdgelitApiError(
      `st.image: pixels: ${data.length} bytes do not fit ${width}×${height} pixels` +
        (image.channels === undefined
          ? " with 1, 2, 3 or 4 channels"
          : ` with ${image.channels} channels (expected ${pixels * image.channels} bytes)`) +
        ".",
    );
  return channels as 1 | 2 | 3 | 4;
}

/** PNG's colour type for each channel count. */
const COLOUR_TYPE = { 1: 0, 2: 4, 3: 2, 4: 6 } as const;

/**
 * Encodes pixels as a PNG (8 bits per channel, deflated with the platform's CompressionStream,
 * so it runs on Node and on Workers alike).
 */
export async function encodePng(image: PixelImage): Promise<Uint8Array<ArrayBuffer>> {
  const channels = pixelChannels(image);
  const { width, height, data } = image;
  const rowBytes = width * channels;
  const raw = new Uint8Array((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type: 0, none.
    raw.set(data.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, COLOUR_TYPE[channels], 0, 0, 0], 8);
  const deflated = await deflate(raw);
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflated),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  // "deflate" is the zlib format PNG's IDAT holds.
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function chunk(type: string, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
