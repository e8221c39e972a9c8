import { expect, test } from "vitest";
import {
  isPassiveType,
  kindOfName,
  toServedType,
  toUploadType,
} from "../../../src/media/media-types.ts";
import { sniffType } from "../../../src/media/sniff.ts";

const bytesOf = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((part) =>
      typeof part === "string" ? [...part].map((c) => c.charCodeAt(0)) : part,
    ),
  );
const padded = (bytes: Uint8Array) => {
  const out = new Uint8Array(64);
  out.set(bytes);
  return out;
};

test.each([
  {
    what: "PNG",
    bytes: bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    type: "image/png",
  },
  { what: "JPEG", bytes: bytesOf([0xff, 0xd8, 0xff, 0xe0]), type: "image/jpeg" },
  { what: "GIF", bytes: bytesOf("GIF89a"), type: "image/gif" },
  { what: "WEBP", bytes: bytesOf("RIFF", [0, 0, 0, 0], "WEBPVP8 "), type: "image/webp" },
  { what: "AVIF", bytes: bytesOf([0, 0, 0, 28], "ftypavif"), type: "image/avif" },
  { what: "BMP", bytes: bytesOf("BM"), type: "image/bmp" },
  { what: "ICO", bytes: bytesOf([0, 0, 1, 0, 1, 0]), type: "image/x-icon" },
  { what: "PDF", bytes: bytesOf("%PDF-1.4"), type: "application/pdf" },
  { what: "MP3 with ID3", bytes: bytesOf("ID3", [4, 0]), type: "audio/mpeg" },
  { what: "bare MP3 frame", bytes: bytesOf([0xff, 0xfb, 0x90]), type: "audio/mpeg" },
  { what: "WAV", bytes: bytesOf("RIFF", [0, 0, 0, 0], "WAVEfmt "), type: "audio/wav" },
  { what: "OGG", bytes: bytesOf("OggS"), type: "audio/ogg" },
  { what: "MP4", bytes: bytesOf([0, 0, 0, 32], "ftypisom"), type: "video/mp4" },
  { what: "MOV", bytes: bytesOf([0, 0, 0, 20], "ftypqt  "), type: "video/mp4" },
  { what: "WEBM", bytes: bytesOf([0x1a, 0x45, 0xdf, 0xa3]), type: "video/webm" },
  { what: "SVG", bytes: bytesOf('<?xml version="1.0"?><svg/>'), type: "image/svg+xml" },
  { what: "HTML", bytes: bytesOf("<!doctype html><script>"), type: undefined },
  { what: "XSL", bytes: bytesOf('<?xml version="1.0"?><xsl:stylesheet/>'), type: undefined },
])("sniffs $what as $type", ({ bytes, type }) => {
  expect(sniffType(padded(bytes))).toBe(type);
});

test("an upload's type comes from its bytes; the client's name for it counts only within the same kind", () => {
  const png = padded(bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const webm = padded(bytesOf([0x1a, 0x45, 0xdf, 0xa3]));
  const html = bytesOf("<html><script>alert(1)</script></html>");
  expect(toUploadType(png, "text/html").type).toBe("image/png");
  expect(toUploadType(webm, "audio/webm;codecs=opus").type).toBe("audio/webm");
  expect(toUploadType(webm, "text/html").type).toBe("video/webm");
  expect(toUploadType(html, "text/html").type).toBe("text/plain");
  expect(toUploadType(html, "text/xsl").type).toBe("text/plain");
  expect(toUploadType(html, "image/svg+xml").type).toBe("application/octet-stream");
  expect(toUploadType(html, "application/xhtml+xml").type).toBe("application/octet-stream");
  expect(toUploadType(html, "text/csv").type).toBe("text/csv");
  expect(toUploadType(html, "application/json").type).toBe("application/json");
  expect(toUploadType(html, "").type).toBe("application/octet-stream");
});

test("only images, audio, video, PDF and subtitles are passive; SVG and documents are not", () => {
  for (const type of ["image/png", "image/jpeg", "audio/webm", "video/mp4", "application/pdf"])
    expect(isPassiveType(type), type).toBe(true);
  for (const type of [
    "image/svg+xml",
    "text/html",
    "text/xsl",
    "text/plain",
    "application/xml",
    "audio/x<script>",
  ])
    expect(isPassiveType(type), type).toBe(false);
});

test("an extension names the kind it promises", () => {
  expect(kindOfName("X.PNG")?.name).toBe("a PNG image");
  expect(kindOfName("clip.mov")?.name).toBe("an MP4 or QuickTime file");
  expect(kindOfName("data.csv")).toBeUndefined();
});

test("media are served inline only when passive; SVG as a download of its own type; the rest as bytes", () => {
  expect(toServedType("image/PNG")).toEqual({ contentType: "image/png", inline: true });
  expect(toServedType("audio/webm;codecs=opus")).toEqual({
    contentType: "audio/webm",
    inline: true,
  });
  expect(toServedType("image/svg+xml")).toEqual({ contentType: "image/svg+xml", inline: false });
  for (const type of ["text/html", "text/xsl", "application/xml", "text/plain", "text/csv"])
    expect(toServedType(type), type).toEqual({
      contentType: "application/octet-stream",
      inline: false,
    });
});
