import {
  CLIENT_HEADER,
  ROUTES,
  UPLOAD_SESSION_HEADER,
  UPLOAD_URL_HEADER,
  type ErrorBody,
  type UploadAnswer,
  type UploadedFileRef,
} from "../../../../src/protocol/index.ts";

export type UploadOutcome = { ok: true; files: UploadedFileRef[] } | { ok: false; message: string };

/**
 * Posts files to the upload route for a widget. The server stores them in the
 * shared store, so the ids it answers are good on any replica.
 *
 * @example
 * const outcome = await uploadFiles("photo", tree.sessionId, [file]);
 * if (outcome.ok) queue.change({ id: "photo", value: outcome.files.map((f) => f.id) });
 */
export async function uploadFiles(
  widgetId: string,
  sessionId: string | null,
  files: File[],
): Promise<UploadOutcome> {
  const body = new FormData();
  for (const file of files) body.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(`${ROUTES.upload}?widget=${encodeURIComponent(widgetId)}`, {
      method: "POST",
      headers: {
        [CLIENT_HEADER]: "1",
        [UPLOAD_SESSION_HEADER]: sessionId ?? "",
        [UPLOAD_URL_HEADER]: location.pathname + location.search,
      },
      body,
    });
  } catch {
    return { ok: false, message: "Could not reach the server; try again." };
  }
  let answer: Partial<UploadAnswer & ErrorBody>;
  try {
    answer = (await response.json()) as Partial<UploadAnswer & ErrorBody>;
  } catch {
    return { ok: false, message: `The upload failed (HTTP ${response.status}).` };
  }
  if (response.ok && Array.isArray(answer.files)) return { ok: true, files: answer.files };
  return {
    ok: false,
    message: answer.error?.message ?? `The upload failed (HTTP ${response.status}).`,
  };
}

/**
 * Why the widget would refuse a file, checked before it is sent: too big, or
 * not of an accepted type (extensions like ".png" or MIME types like "image/*").
 */
export function checkFile(
  file: File,
  rules: { accept?: string[]; maxBytes: number },
): string | undefined {
  if (file.size > rules.maxBytes) {
    return `${file.name} is ${formatBytes(file.size)}, over the ${formatBytes(rules.maxBytes)} limit.`;
  }
  if (
    rules.accept &&
    rules.accept.length > 0 &&
    !rules.accept.some((rule) => matches(file, rule))
  ) {
    return `${file.name} is not an accepted type (${rules.accept.join(", ")}).`;
  }
  return undefined;
}

function matches(file: File, rule: string): boolean {
  const wanted = rule.trim().toLowerCase();
  if (wanted.startsWith(".")) return file.name.toLowerCase().endsWith(wanted);
  const type = file.type.toLowerCase();
  if (wanted.endsWith("/*")) return type.startsWith(wanted.slice(0, -1));
  return type === wanted;
}

/** A size for people: 532 B, 14.2 KB, 3.1 MB. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit++;
  }
  // One decimal below 100, none when it is 0: 532 B, 14.2 KB, 50 KB, 120 KB.
  return `${Number(size.toFixed(size >= 100 ? 0 : 1))} ${units[unit]}`;
}
