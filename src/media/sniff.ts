/**
 * A kind of file told from its first bytes: the MIME types it may be stored
 * as (the first one unless the client named another of them) and the
 * extensions that promise it.
 */
export interface SniffedKind {
  name: string;
  types: readonly string[];
  extensions: readonly string[];
}

const kind = (name: string, types: string[], extensions: string[]): SniffedKind => ({
  name,
  types,
  extensions,
});

/** The kinds `sniffKind` recognizes. */
export const SNIFFED_KINDS = {
  png: kind("a PNG image", ["image/png"], [".png"]),
  jpeg: kind("a JPEG image", ["image/jpeg"], [".jpg", ".jpeg", ".jpe", ".jfif"]),
  gif: kind("a GIF image", ["image/gif"], [".gif"]),
  webp: kind("a WebP image", ["image/webp"], [".webp"]),
  avif: kind("an AVIF image", ["image/avif"], [".avif"]),
  bmp: kind("a BMP image", ["image/bmp"], [".bmp"]),
  ico: kind("an icon", ["image/x-icon", "image/vnd.microsoft.icon"], [".ico"]),
  pdf: kind("a PDF document", ["application/pdf"], [".pdf"]),
  mp3: kind("an MP3 file", ["audio/mpeg", "audio/mp3"], [".mp3"]),
  wav: kind("a WAV file", ["audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"], [".wav"]),
  ogg: kind(
    "an Ogg file",
    ["audio/ogg", "video/ogg", "audio/opus", "application/ogg"],
    [".ogg", ".oga", ".ogv", ".opus"],
  ),
  mp4: kind(
    "an MP4 or QuickTime file",
    ["video/mp4", "audio/mp4", "video/quicktime", "audio/x-m4a", "audio/m4a"],
    [".mp4", ".m4a", ".m4v", ".mov"],
  ),
  webm: kind(
    "a WebM or Matroska file",
    ["video/webm", "audio/webm", "video/x-matroska"],
    [".webm", ".weba", ".mkv"],
  ),
  svg: kind("an SVG image", ["image/svg+xml"], [".svg"]),
  vtt: kind("WebVTT subtitles", ["text/vtt"], [".vtt"]),
} satisfies Record<string, SniffedKind>;

/** The kind of common media from their first bytes, or undefined. */
export function sniffKind(bytes: Uint8Array): SniffedKind | undefined {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  const ascii = (offset: number, text: string) =>
    [...text].every((c, i) => bytes[offset + i] === c.charCodeAt(0));
  const k = SNIFFED_KINDS;
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return k.png;
  if (starts(0xff, 0xd8, 0xff)) return k.jpeg;
  if (ascii(0, "GIF87a") || ascii(0, "GIF89a")) return k.gif;
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return k.webp;
  if (ascii(0, "RIFF") && ascii(8, "WAVE")) return k.wav;
  if (ascii(0, "%PDF-")) return k.pdf;
  if (ascii(0, "OggS")) return k.ogg;
  // ID3 tags, or a bare MPEG audio frame (sync bits, layer III).
  if (ascii(0, "ID3") || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe6) === 0xe2)) return k.mp3;
  if (ascii(4, "ftyp")) return ascii(8, "avif") || ascii(8, "avis") ? k.avif : k.mp4;
  if (starts(0x1a, 0x45, 0xdf, 0xa3)) return k.webm;
  if (ascii(0, "BM") && bytes.length >= 26) return k.bmp;
  if (starts(0x00, 0x00, 0x01, 0x00) && bytes.length >= 22) return k.ico;
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"))) return k.svg;
  if (head.startsWith("WEBVTT")) return k.vtt;
  return undefined;
}

/** The MIME type of common media from their first bytes, or undefined. */
export function sniffType(bytes: Uint8Array): string | undefined {
  return sniffKind(bytes)?.types[0];
}
