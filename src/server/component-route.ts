import { declaredComponentFolder } from "../elements/components/declare-component.ts";
import { errorResponse } from "./errors.ts";
import { FRAME_CSP } from "./frame-route.ts";
import type { ServerLog } from "./server-log.ts";

/**
 * Reads one file of a declared component's frontend folder: `folder` as the
 * app declared it (a path or a file: URL), `segments` the file's path in it,
 * each already checked to be a plain name. Resolves undefined for a file
 * that is not there, or not inside the folder. The Node adapter provides one
 * (`src/` reads no disk); a runtime without one serves no folders.
 */
export type ComponentFileReader = (
  folder: string,
  segments: readonly string[],
) => Promise<Uint8Array | undefined>;

const CONTENT_TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  htm: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json",
  map: "application/json",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  ico: "image/x-icon",
  woff2: "font/woff2",
  woff: "font/woff",
  ttf: "font/ttf",
  wasm: "application/wasm",
  txt: "text/plain; charset=utf-8",
};

/**
 * `GET /_edgelit/component/<name>/<file>`: a file of a declared component's
 * frontend, from any replica. Its HTML documents carry the frame route's
 * sandbox policy (an opaque origin even when opened on their own); every file
 * is readable across origins, since that sandboxed document loads its scripts
 * (module scripts are fetched with CORS).
 */
export async function componentRoute(
  pathname: string,
  readFile: ComponentFileReader | undefined,
  log: ServerLog,
): Promise<Response> {
  const segments = pathname.split("/");
  const name = segments.shift() ?? "";
  const folder = declaredComponentFolder(name);
  if (folder === undefined)
    return errorResponse("not_found", "No component of this name is declared with a path.");
  if (!readFile)
    return errorResponse(
      "not_found",
      "This runtime serves no component folders: declare the component with a url.",
    );
  let names: string[];
  try {
    names = segments.map((segment) => decodeURIComponent(segment));
  } catch {
    return errorResponse("not_found", "No such file.");
  }
  if (names.length === 0 || (names.length === 1 && names[0] === "")) names = ["index.html"];
  if (!names.every(isPlainName)) return errorResponse("not_found", "No such file.");
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readFile(folder, names);
  } catch (error) {
    log.error(`[edgelit] could not read a file of component "${name}": ${String(error)}`);
    bytes = undefined;
  }
  if (!bytes) return errorResponse("not_found", "No such file.");
  const extension = /\.([a-z0-9]+)$/i.exec(names.at(-1) ?? "")?.[1]?.toLowerCase() ?? "";
  const type = CONTENT_TYPES[extension] ?? "application/octet-stream";
  const headers: Record<string, string> = {
    "content-type": type,
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
    "access-control-allow-origin": "*",
  };
  if (extension === "html" || extension === "htm") headers["content-security-policy"] = FRAME_CSP;
  return new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200, headers });
}

/** A file or folder name, never a way out of the folder. */
function isPlainName(name: string): boolean {
  return name !== "" && name !== "." && name !== ".." && !/[/\\\0]/.test(name);
}
