import { Redis } from "ioredis";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { CLIENT_HEADER, ROUTES, UPLOAD_SESSION_HEADER } from "../../../src/protocol/index.ts";
import type { EventClient } from "../../helpers/events.ts";
import { startEdgelit, startRedis } from "../../helpers/processes.ts";
import { messagesOf } from "../counter-tab.ts";
import { noisePng } from "../fixtures/media-app.ts";
import {
  MEDIA_APP,
  fetchBytes,
  imageSrc,
  imagesShown,
  keysMatching,
  linesShown,
  openMediaTab,
  someBytes,
  upload,
  uploaderId,
  type UploadFile,
  type UploadResult,
} from "./media-tab.ts";

/**
 * Uploads the server must refuse: each is a clear 4xx with its code and a
 * message, stores nothing (not even part of a file), and leaves the server
 * serving. The store is a real redis-server, read directly to see what is kept.
 */

let redisServer: Awaited<ReturnType<typeof startRedis>>;
let redis: Redis;
let server: Awaited<ReturnType<typeof startEdgelit>>;
let tab: EventClient;

beforeAll(async () => {
  redisServer = await startRedis();
  redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
  server = await startEdgelit({ app: MEDIA_APP, storage: redisServer.url });
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
  await redisServer?.stop();
});
beforeEach(async () => {
  tab = await openMediaTab(server.url);
});

const png = (name: string, seed = 1): UploadFile => ({
  name,
  type: "image/png",
  bytes: noisePng(40, 40, seed),
});
const photo = () => ({ sessionId: tab.sessionId, widgetId: uploaderId(tab, "Photo") });

/** Posts a body by hand, with the page's headers unless overridden. */
async function postRaw(
  body: BodyInit,
  headers: Record<string, string>,
  widgetId = uploaderId(tab, "Photo"),
): Promise<UploadResult> {
  const response = await fetch(
    `${server.url}${ROUTES.upload}?widget=${encodeURIComponent(widgetId)}`,
    {
      method: "POST",
      headers: { [CLIENT_HEADER]: "1", [UPLOAD_SESSION_HEADER]: tab.sessionId!, ...headers },
      body,
    },
  );
  return { status: response.status, ...((await response.json()) as object) };
}

/**
 * Posts one file with node:http, which reads an answer that comes before the
 * body is sent in full. (fetch in Node reports such an early answer as
 * "fetch failed": the server closes the connection on a 413 without reading
 * the rest, and undici's write then fails.)
 */
async function postEarlyAnswered(
  target: { sessionId: string | null; widgetId: string },
  file: UploadFile,
): Promise<UploadResult> {
  const form = new FormData();
  form.append(
    "file",
    new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }),
    file.name,
  );
  const encoded = new Request("http://encode.test/", { method: "POST", body: form });
  const body = new Uint8Array(await encoded.arrayBuffer());
  const headers = {
    [CLIENT_HEADER]: "1",
    [UPLOAD_SESSION_HEADER]: target.sessionId!,
    "content-type": encoded.headers.get("content-type")!,
    "content-length": String(body.length),
  };
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${server.url}${ROUTES.upload}?widget=${encodeURIComponent(target.widgetId)}`,
      { method: "POST", headers, timeout: 10_000 },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, ...(JSON.parse(text) as object) }),
        );
      },
    );
    request.on("error", reject);
    request.on("timeout", () => request.destroy(new Error("no answer in 10 s")));
    request.end(body);
  });
}

/** Every key of this session's uploads: files, their chunks, writes under way, the quota ledger. */
const uploadKeysOf = async (sessionId: string) =>
  (await keysMatching(redis, `edgelit:*${sessionId}*`)).filter(
    (key) => !key.startsWith("edgelit:session:"),
  );

/** What the refusal did not change: no upload key in Redis (not one chunk), and the server takes the next upload. */
async function expectNothingStoredAndStillServing(): Promise<void> {
  expect(await uploadKeysOf(tab.sessionId!)).toEqual([]);
  const accepted = await upload(server.url, photo(), [png("after.png")]);
  expect(accepted.status).toBe(200);
  const fileId = accepted.files![0]!.id;
  expect(await uploadKeysOf(tab.sessionId!)).toEqual([
    `edgelit:chunks:upload:${tab.sessionId}:${fileId}:0`,
    `edgelit:upload-quota:${tab.sessionId}`,
    `edgelit:upload:${tab.sessionId}:${fileId}`,
  ]);
}

test.each([
  {
    what: "no x-edgelit header",
    send: () => upload(server.url, photo(), [png("a.png")], { [CLIENT_HEADER]: null }),
    status: 403,
    error: {
      code: "forbidden",
      message: "Uploads must carry the x-edgelit header (sent by the edgelit page).",
    },
  },
  {
    what: "a cross-origin Origin",
    send: () => upload(server.url, photo(), [png("a.png")], { origin: "https://evil.example" }),
    status: 403,
    error: { code: "forbidden", message: "Uploads from https://evil.example are not accepted." },
  },
  {
    what: "no session header",
    send: () => upload(server.url, { ...photo(), sessionId: null }, [png("a.png")]),
    status: 400,
    error: {
      code: "bad_request",
      message: "Uploads must name their session in the x-edgelit-session header.",
    },
  },
  {
    what: "a malformed session header",
    send: () => upload(server.url, { ...photo(), sessionId: "../session/1" }, [png("a.png")]),
    status: 400,
    error: {
      code: "bad_request",
      message: "Uploads must name their session in the x-edgelit-session header.",
    },
  },
  {
    what: "an unknown session",
    send: () =>
      upload(server.url, { ...photo(), sessionId: "0123456789abcdef0123456789abcdef" }, [
        png("a.png"),
      ]),
    status: 404,
    error: {
      code: "session_expired",
      message: "This session has expired or does not exist; reload the page.",
    },
  },
  {
    what: "a widget that is not an upload widget (the download button)",
    send: () =>
      upload(server.url, { ...photo(), widgetId: tab.widgetId("downloadButton", "Download") }, [
        png("a.png"),
      ]),
    status: 400,
    error: { code: "bad_request", message: "That widget is not an upload widget of this session." },
  },
  {
    what: "a widget id the session does not have",
    send: () => upload(server.url, { ...photo(), widgetId: "fileUploader:nope" }, [png("a.png")]),
    status: 400,
    error: { code: "bad_request", message: "That widget is not an upload widget of this session." },
  },
  {
    what: "a JSON body",
    send: () =>
      postRaw(JSON.stringify({ file: "iVBORw0KGgo=" }), { "content-type": "application/json" }),
    status: 415,
    error: {
      code: "unsupported_media_type",
      message: "Uploads must be sent as multipart/form-data.",
    },
  },
  {
    what: "a multipart body without its closing boundary",
    send: () =>
      postRaw(
        `--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG${"x".repeat(500)}`,
        {
          "content-type": "multipart/form-data; boundary=XYZ",
        },
      ),
    status: 400,
    error: {
      code: "bad_request",
      message: "The upload was cut short or is not valid multipart/form-data.",
    },
  },
  {
    what: "a form without a file field",
    send: () => {
      const form = new FormData();
      form.append("photo", new Blob([png("a.png").bytes as Uint8Array<ArrayBuffer>]), "a.png");
      return postRaw(form, {});
    },
    status: 400,
    error: {
      code: "bad_request",
      message: 'The upload holds no file (expected form fields named "file").',
    },
  },
  {
    what: "a file over the widget's maxBytes (50 000)",
    send: () =>
      upload(server.url, photo(), [
        { name: "big.png", type: "image/png", bytes: someBytes(60_000, 3) },
      ]),
    status: 413,
    error: {
      code: "payload_too_large",
      message: '"big.png" is 58.6 KB; this widget accepts files up to 48.8 KB.',
    },
  },
  {
    what: "a body far over the widget's maxBytes, refused before it is read",
    send: () =>
      postEarlyAnswered(photo(), {
        name: "huge.png",
        type: "image/png",
        bytes: someBytes(2_000_000, 4),
      }),
    status: 413,
    error: {
      code: "payload_too_large",
      message: "This upload is larger than the 48.8 KB the widget accepts per file.",
    },
  },
  {
    what: "a type the widget does not accept",
    send: () =>
      upload(server.url, photo(), [
        { name: "notes.txt", type: "text/plain", bytes: someBytes(100, 5) },
      ]),
    status: 415,
    error: {
      code: "unsupported_media_type",
      message: '"notes.txt" is not a type this widget accepts (.png, .jpg).',
    },
  },
  {
    what: "a .png whose bytes are an XSL document, claimed text/xsl (issue 14)",
    send: () =>
      upload(server.url, photo(), [
        {
          name: "x.png",
          type: "text/xsl",
          bytes: new TextEncoder().encode(
            '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
          ),
        },
      ]),
    status: 415,
    error: {
      code: "unsupported_media_type",
      message: '"x.png" is not a PNG image: its content does not match its extension.',
    },
  },
  {
    what: "two files to a single-file widget",
    send: () => upload(server.url, photo(), [png("one.png"), png("two.png", 2)]),
    status: 400,
    error: { code: "bad_request", message: "This widget holds one file; the upload had several." },
  },
])("refused: $what ($status)", async ({ send, status, error }) => {
  expect(await send()).toEqual({ status, error });
  await expectNothingStoredAndStillServing();
});

/**
 * Sends the start of an upload whose Content-Length promises more than is
 * sent, then half-closes the connection: what the server answers (if it
 * answers at all) within 5 s.
 */
function sendTruncated(port: number, sessionId: string, widgetId: string): Promise<string> {
  const boundary = "----edgelit-truncated";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.png"\r\nContent-Type: image/png\r\n\r\n`;
  const sent = Buffer.concat([
    Buffer.from(head),
    Buffer.from(noisePng(30, 30, 9).subarray(0, 1500)),
  ]);
  const request = [
    `POST ${ROUTES.upload}?widget=${encodeURIComponent(widgetId)} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    `${CLIENT_HEADER}: 1`,
    `${UPLOAD_SESSION_HEADER}: ${sessionId}`,
    `Content-Type: multipart/form-data; boundary=${boundary}`,
    `Content-Length: ${sent.length + 20_000}`,
    "",
    "",
  ].join("\r\n");
  return new Promise((resolve) => {
    let answer = "";
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(request);
      socket.write(sent);
      socket.end();
    });
    const timer = setTimeout(() => (socket.destroy(), resolve(answer || "no answer in 5 s")), 5000);
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    socket.on("close", () => (clearTimeout(timer), resolve(answer)));
    socket.on("error", () => {});
  });
}

test("a truncated upload (Content-Length larger than the body, then the socket closed) is refused or dropped, and nothing of it is stored", async () => {
  const answer = await sendTruncated(server.port, tab.sessionId!, uploaderId(tab, "Photo"));
  // Either a 400 (Node's HTTP layer answers one for a request cut short) or a closed connection; never a 200.
  expect(answer === "" || answer.startsWith("HTTP/1.1 400 "), answer).toBe(true);
  // A moment for a handler that would still be reading, then: nothing stored, and the server serves.
  await new Promise((done) => setTimeout(done, 300));
  await expectNothingStoredAndStillServing();
});

test("session X's upload sent as session Y's value is refused, and Y reaches X's file in no way", async () => {
  const x = tab;
  const y = await openMediaTab(server.url);
  const secret = noisePng(44, 44, 11);
  const xUpload = await upload(
    server.url,
    { sessionId: x.sessionId, widgetId: uploaderId(x, "Photo") },
    [{ name: "secret.png", type: "image/png", bytes: secret }],
  );
  const fileId = xUpload.files![0]!.id;
  await x.send([{ id: uploaderId(x, "Photo"), value: [fileId] }]);
  const xImage = imageSrc(x, "secret.png");

  // As Y's value for the same widget, and for the other uploader: refused, nothing shown.
  for (const label of ["Photo", "Files"]) {
    const answer = await y.send([{ id: uploaderId(y, label), value: [fileId] }]);
    expect(answer.status).toBe(200);
    expect(messagesOf(answer, "refused")).toEqual([
      {
        type: "refused",
        widgetId: uploaderId(y, label),
        message:
          "Refused a value for this fileUploader: that file is not one this widget received (or it has expired).",
      },
    ]);
    expect(linesShown(y)).toEqual([]);
    expect(imagesShown(y).map((item) => item.caption)).toEqual(["Generated"]);
  }

  // As a file ref instead of an id: refused too.
  const asRef = await y.send([{ id: uploaderId(y, "Photo"), value: xUpload.files }]);
  expect(messagesOf(asRef, "refused")).toHaveLength(1);
  expect(linesShown(y)).toEqual([]);

  // By URL: the file id is no media id, and the upload route serves nothing back.
  for (const path of [
    `${ROUTES.media}${fileId}`,
    `${ROUTES.media}${fileId.padEnd(32, "0")}`,
    `${ROUTES.upload}?widget=${uploaderId(y, "Photo")}&file=${fileId}`,
    `${ROUTES.upload}/${fileId}`,
  ]) {
    const response = await fetchBytes(server.url, path, {
      [CLIENT_HEADER]: "1",
      [UPLOAD_SESSION_HEADER]: y.sessionId!,
    });
    expect(response.status, path).toBeGreaterThanOrEqual(400);
    expect(Buffer.from(response.bytes).includes(Buffer.from(secret.subarray(100, 200))), path).toBe(
      false,
    );
  }

  // Even holding the very same bytes, Y learns nothing of X's media id: an uploaded file is shown
  // from its own chunks, under an id keyed to the file, and Y's serves Y's copy.
  const yUpload = await upload(
    server.url,
    { sessionId: y.sessionId, widgetId: uploaderId(y, "Photo") },
    [{ name: "secret.png", type: "image/png", bytes: secret }],
  );
  await y.send([{ id: uploaderId(y, "Photo"), value: [yUpload.files![0]!.id] }]);
  expect(imageSrc(y, "secret.png")).not.toBe(xImage);
  expect((await fetchBytes(server.url, imageSrc(y, "secret.png"))).bytes).toEqual(secret);
  // X's own upload is untouched.
  expect(await keysMatching(redis, `edgelit:upload:${x.sessionId}:*`)).toEqual([
    `edgelit:upload:${x.sessionId}:${fileId}`,
  ]);
});
