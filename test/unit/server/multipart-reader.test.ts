import { expect, test } from "vitest";
import {
  boundaryOf,
  MultipartError,
  MultipartReader,
} from "../../../src/server/multipart-reader.ts";

/** A body as the network may hand it over: in pieces of `size` bytes. */
function inPieces(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

async function readAll(body: ReadableStream<Uint8Array>, boundary: string) {
  const reader = new MultipartReader(body, boundary);
  const parts = [];
  for (let part; (part = await reader.nextPart());) {
    let text = "";
    for await (const piece of reader.body()) text += new TextDecoder().decode(piece);
    parts.push({ ...part, text });
  }
  return parts;
}

test("a form reads the same as the platform encodes it, whatever pieces the body arrives in", async () => {
  const form = new FormData();
  form.append("note", "hello\r\n--not a boundary");
  form.append(
    "file",
    new Blob(["\r\n--\r\n" + "x".repeat(3000)], { type: "text/plain" }),
    "a é.txt",
  );
  form.append("file", new Blob([""]), "empty.bin");
  const request = new Request("http://test/", { method: "POST", body: form });
  const boundary = boundaryOf(request.headers.get("content-type")!)!;
  const body = new Uint8Array(await request.arrayBuffer());
  const expected = [
    { name: "note", contentType: "", text: "hello\r\n--not a boundary" },
    {
      name: "file",
      filename: "a é.txt",
      contentType: "text/plain",
      text: "\r\n--\r\n" + "x".repeat(3000),
    },
    { name: "file", filename: "empty.bin", contentType: "application/octet-stream", text: "" },
  ];
  for (const size of [1, 7, 64, body.length])
    expect(await readAll(inPieces(body, size), boundary), `pieces of ${size}`).toEqual(expected);
});

test("a body cut short, or that is not multipart, is an error, never a part", async () => {
  const cut = new TextEncoder().encode(
    '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n\r\nsome bytes',
  );
  await expect(readAll(inPieces(cut, 5), "XYZ")).rejects.toBeInstanceOf(MultipartError);
  await expect(
    readAll(inPieces(new TextEncoder().encode('{"json": true}'), 5), "XYZ"),
  ).rejects.toBeInstanceOf(MultipartError);
  const endless = new TextEncoder().encode(`--XYZ\r\nX-Long: ${"h".repeat(20_000)}`);
  await expect(readAll(inPieces(endless, 1000), "XYZ")).rejects.toThrow("too long");
});
