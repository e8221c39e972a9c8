import type { Redis } from "ioredis";
import { createHash } from "node:crypto";
import {
  CLIENT_HEADER,
  ROUTES,
  UPLOAD_SESSION_HEADER,
  UPLOAD_URL_HEADER,
  type UploadedFileRef,
} from "../../../src/protocol/index.ts";
import { EventClient } from "../../helpers/events.ts";

/**
 * Reading and driving the media fixture (fixtures/media-app.ts) over real
 * HTTP: its images, its lines of text, its download, and uploads posted the
 * way the page posts them.
 */

export const MEDIA_APP = "test/integration/fixtures/media-app.ts";

/** A file to upload. */
export interface UploadFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** The answer to an upload: the stored files, or a refusal. */
export interface UploadResult {
  status: number;
  files?: UploadedFileRef[];
  error?: { code: string; message: string };
}

/** A tab that has loaded the page once from `baseUrl`. */
export async function openMediaTab(baseUrl: string): Promise<EventClient> {
  const tab = new EventClient(baseUrl);
  const answer = await tab.send();
  if (answer.status !== 200)
    throw new Error(`first load answered ${answer.status}: ${JSON.stringify(answer.error)}`);
  return tab;
}

/** Every image shown on the tab's page, as `{ src, caption }`. */
export function imagesShown(tab: EventClient): { src: string; caption?: string }[] {
  return tab
    .elements("image")
    .flatMap((props) => props.items as { src: string; caption?: string }[]);
}

/** The `src` of the image captioned `caption`. */
export function imageSrc(tab: EventClient, caption: string): string {
  const image = imagesShown(tab).find((item) => item.caption === caption);
  if (!image)
    throw new Error(
      `no image captioned ${caption}; the page shows ${JSON.stringify(imagesShown(tab).map((i) => i.caption))}`,
    );
  return image.src;
}

/** The lines of text (`st.write`) on the tab's page. */
export function linesShown(tab: EventClient): string[] {
  return tab.elements("markdown").map((props) => String(props.body));
}

/** The uploader's id on the tab's page. */
export function uploaderId(tab: EventClient, label: string): string {
  return tab.widgetId("fileUploader", label);
}

/** Posts files to an upload widget as the page does; `headers` override the page's (null leaves one out). */
export async function upload(
  baseUrl: string,
  target: { sessionId: string | null; widgetId: string },
  files: UploadFile[],
  headers: Record<string, string | null> = {},
): Promise<UploadResult> {
  const form = new FormData();
  for (const file of files)
    form.append(
      "file",
      new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }),
      file.name,
    );
  // As the page sends it: the page the widget is on goes with it (a never-saved session redraws it).
  const sent = {
    [CLIENT_HEADER]: "1",
    [UPLOAD_SESSION_HEADER]: target.sessionId,
    [UPLOAD_URL_HEADER]: "/",
    ...headers,
  };
  const response = await fetch(
    `${baseUrl}${ROUTES.upload}?widget=${encodeURIComponent(target.widgetId)}`,
    {
      method: "POST",
      headers: Object.entries(sent).filter((entry): entry is [string, string] => entry[1] !== null),
      body: form,
    },
  );
  const body = (await response.json()) as Omit<UploadResult, "status">;
  return { status: response.status, ...body };
}

/** GETs a path of `baseUrl` and reads its bytes. */
export async function fetchBytes(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(baseUrl + path, { headers });
  return {
    status: response.status,
    headers: response.headers,
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

/** Redis keys matching `pattern`, sorted. */
export async function keysMatching(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    keys.push(...found);
    cursor = next;
  } while (cursor !== "0");
  return keys.sort();
}

/** Bytes of a given size and pattern, distinct per seed. */
export function someBytes(size: number, seed: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => (i * 13 + seed * 101 + (i >> 10)) & 0xff);
}

/** Bytes as their length and SHA-256: compared in an instant, and a mismatch still reads clearly. */
export function digest(bytes: Uint8Array): string {
  return `${bytes.length} bytes, sha256 ${createHash("sha256").update(bytes).digest("hex")}`;
}
