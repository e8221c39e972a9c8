import { SNIFFED_KINDS, sniffKind, type SniffedKind } from "./sniff.ts";

/**
 * Types a browser shows without running anything: served inline from the
 * app's origin. SVG is not one of them (it can hold scripts), nor is any
 * text or document type; those are served as downloads.
 */
const PASSIVE_TYPES = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/avif",
  "image/bmp",
  "image/x-icon",
  "image/vnd.microsoft.icon",
  "application/pdf",
  // Subtitles for <track>: plain cues, never run; browsers show them as text at most.
  "text/vtt",
]);

/** Types uploads may keep as the client named them when their bytes tell nothing: inert text and data. */
const INERT_CLAIMED_TYPES = new Set([
  "text/plain",
  "text/csv",
  "text/tab-separated-values",
  "text/markdown",
  "application/json",
  "application/octet-stream",
]);

/** The MIME type without parameters, lowercased. */
function essence(type: string): string {
  return (type.split(";")[0] ?? "").trim().toLowerCase();
}

/** True when media of this type may be shown inline from the app's origin. */
export function isPassiveType(type: string): boolean {
  const bare = essence(type);
  return PASSIVE_TYPES.has(bare) || /^(audio|video)\/[\w.+-]+$/.test(bare);
}

/**
 * How stored media are served: passive types inline as themselves; SVG
 * keeps its type so `<img>` can draw it, but as a download (opened on its
 * own it could run scripts); anything else as bytes to save.
 */
export function toServedType(stored: string): { contentType: string; inline: boolean } {
  const bare = essence(stored);
  if (isPassiveType(bare)) return { contentType: bare, inline: true };
  if (bare === "image/svg+xml") return { contentType: bare, inline: false };
  return { contentType: "application/octet-stream", inline: false };
}

/**
 * What an upload is stored as: the type its bytes show (the client's own
 * name for it when that is one of the same kind, say audio/webm for a WebM
 * recording), else an inert type. Never what the client claimed alone: a
 * client can call anything `text/html`.
 */
export function toUploadType(
  bytes: Uint8Array,
  claimed: string,
): { type: string; kind?: SniffedKind } {
  const kind = sniffKind(bytes);
  const bare = essence(claimed);
  if (kind) return { type: kind.types.includes(bare) ? bare : kind.types[0]!, kind };
  if (INERT_CLAIMED_TYPES.has(bare)) return { type: bare };
  return { type: bare.startsWith("text/") ? "text/plain" : "application/octet-stream" };
}

/** The kind a file name's extension promises, when it is one `sniffKind` can check. */
export function kindOfName(name: string): SniffedKind | undefined {
  const lower = name.toLowerCase();
  return Object.values(SNIFFED_KINDS).find((kind) =>
    kind.extensions.some((extension) => lower.endsWith(extension)),
  );
}
