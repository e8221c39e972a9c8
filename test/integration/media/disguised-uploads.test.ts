import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import type { EventClient } from "../../helpers/events.ts";
import { startEdgelit } from "../../helpers/processes.ts";
import { activePayload, svgPayload } from "../fixtures/disguised-media-app.ts";
import { noisePng } from "../fixtures/media-app.ts";
import { fetchBytes, imageSrc, openMediaTab, upload, uploaderId } from "./media-tab.ts";

/**
 * Issue 14: a client names its upload's type, and media need no session. An
 * upload is stored as what its bytes are, and every media answer is a
 * sandboxed document; only passive types are shown inline.
 */

const APP = "test/integration/fixtures/disguised-media-app.ts";
let server: Awaited<ReturnType<typeof startEdgelit>>;
let tab: EventClient;

beforeAll(async () => {
  server = await startEdgelit({ app: APP });
});
afterAll(async () => {
  await server?.stop();
});
beforeEach(async () => {
  tab = await openMediaTab(server.url);
});

const to = (label: string) => ({ sessionId: tab.sessionId, widgetId: uploaderId(tab, label) });

/** Uploads one file to `label`, holds it, and returns what the route answered and the image's URL. */
async function showUpload(label: string, file: { name: string; type: string; bytes: Uint8Array }) {
  const answer = await upload(server.url, to(label), [file]);
  expect(answer.status, JSON.stringify(answer.error)).toBe(200);
  await tab.send([{ id: uploaderId(tab, label), value: [answer.files![0]!.id] }]);
  return { ref: answer.files![0]!, src: imageSrc(tab, `${label}: ${file.name}`) };
}

/** The headers every media answer carries. */
function expectSandboxed(headers: Headers) {
  expect(headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
}

test("x.png holding an XSL document, claimed text/xsl, is refused by a png uploader (415)", async () => {
  const answer = await upload(server.url, to("Picture"), [
    { name: "x.png", type: "text/xsl", bytes: activePayload("upload") },
  ]);
  expect(answer).toEqual({
    status: 415,
    error: {
      code: "unsupported_media_type",
      message: '"x.png" is not a PNG image: its content does not match its extension.',
    },
  });
});

test("a real PNG claimed as text/html is stored and served as image/png, inline and sandboxed", async () => {
  const bytes = noisePng(40, 40, 3);
  const { ref, src } = await showUpload("Picture", { name: "real.png", type: "text/html", bytes });
  expect(ref.type).toBe("image/png");
  expect(src).toMatch(/^\/_edgelit\/media\/[0-9a-f]{32}$/);
  const served = await fetchBytes(server.url, src);
  expect(served.status).toBe(200);
  expect(served.headers.get("content-type")).toBe("image/png");
  expect(served.headers.get("content-disposition")).toBeNull();
  expectSandboxed(served.headers);
  expect(served.bytes).toEqual(bytes);
});

test.each([
  { claimed: "text/xsl", stored: "text/plain" },
  { claimed: "text/html", stored: "text/plain" },
  { claimed: "image/svg+xml", stored: "application/octet-stream" },
  { claimed: "application/javascript", stored: "application/octet-stream" },
])(
  "an unrecognizable file claimed $claimed is stored as $stored and served as a sandboxed download",
  async ({ claimed, stored }) => {
    const { ref, src } = await showUpload("Anything", {
      name: "x.png",
      type: claimed,
      bytes: activePayload("upload"),
    });
    expect(ref.type).toBe(stored);
    const served = await fetchBytes(server.url, src);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/octet-stream");
    expect(served.headers.get("content-disposition")).toBe("attachment");
    expectSandboxed(served.headers);
  },
);

test("media the app names as text/html are a sandboxed octet-stream download, on GET, HEAD, a range and a 304", async () => {
  const src = imageSrc(tab, "App HTML");
  const answers = [
    await fetch(server.url + src),
    await fetch(server.url + src, { method: "HEAD" }),
    await fetch(server.url + src, { headers: { range: "bytes=0-9" } }),
    await fetch(server.url + src, { headers: { "if-none-match": `"${src.split("/").at(-1)}"` } }),
  ];
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 206, 304]);
  for (const answer of answers) {
    expect(answer.headers.get("content-type")).toBe("application/octet-stream");
    expect(answer.headers.get("content-disposition")).toBe("attachment");
    expectSandboxed(answer.headers);
  }
});

test("SVG keeps its type for <img> but is a sandboxed download when opened on its own", async () => {
  const served = await fetchBytes(server.url, imageSrc(tab, "App SVG"));
  expect(served.headers.get("content-type")).toBe("image/svg+xml");
  expect(served.headers.get("content-disposition")).toBe("attachment");
  expectSandboxed(served.headers);
  expect(served.bytes).toEqual(svgPayload());
});
