import { inflateSync } from "node:zlib";
import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

/** Reads a PNG's size, colour type and pixels back (filter type 0 rows, as edgelit writes). */
function readPng(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let header: { width: number; height: number; colourType: number } | undefined;
  const data: Uint8Array[] = [];
  while (at < bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === "IHDR")
      header = {
        width: view.getUint32(at + 8),
        height: view.getUint32(at + 12),
        colourType: body[9]!,
      };
    if (type === "IDAT") data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  return { ...header!, raw: new Uint8Array(raw) };
}

const fromDataUri = (src: string) => new Uint8Array(Buffer.from(src.split(",")[1]!, "base64"));

test("raw pixels are shown as a PNG holding exactly those pixels, for each channel count", async () => {
  const rgb = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 9, 9]);
  const grey = new Uint8ClampedArray([0, 128, 255, 64]);
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.image({ data: rgb, width: 2, height: 2, channels: 3 }, { caption: "rgb" });
      st.image({ data: grey, width: 2, height: 2, channels: 1 });
      // A canvas ImageData has no channels: four are read from the length.
      st.image({ data: new Uint8ClampedArray(16).fill(200), width: 2, height: 2 });
    }),
  ).run();
  const [first, second, third] = at.get("image").map((e) => e.props.items[0]!);
  expect(first!.caption).toBe("rgb");
  expect(first!.src).toMatch(/^data:image\/png;base64,/);
  const png = readPng(fromDataUri(first!.src));
  expect(png).toMatchObject({ width: 2, height: 2, colourType: 2 });
  expect([...png.raw]).toEqual([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 9, 9, 9]);
  expect(readPng(fromDataUri(second!.src))).toMatchObject({ colourType: 0 });
  expect([...readPng(fromDataUri(second!.src)).raw]).toEqual([0, 0, 128, 0, 255, 64]);
  expect(readPng(fromDataUri(third!.src)).colourType).toBe(6);
});

test("a large pixel image is stored and served as image/png; a list of images keeps its captions", async () => {
  let seed = 7;
  const noise = new Uint8Array(200 * 100 * 3).map(
    () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24,
  );
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.image(
        [
          { data: noise, width: 200, height: 100, channels: 3 },
          { data: new Uint8Array(4), width: 1, height: 1 },
        ],
        { caption: ["noise", "dot"], width: "stretch" },
      );
    }),
  ).run();
  const element = at.get("image")[0]!;
  expect(element.props.width).toBe("stretch");
  expect(element.props.items.map((item) => item.caption)).toEqual(["noise", "dot"]);
  const src = element.props.items[0]!.src;
  expect(src).toMatch(/^\/_edgelit\/media\//);
  const stored = await at.media.getMedia(src.split("/").at(-1)!);
  expect(stored?.meta.type).toBe("image/png");
  const png = readPng(stored!.bytes);
  expect(png).toMatchObject({ width: 200, height: 100 });
  expect(png.raw.length).toBe(100 * (200 * 3 + 1));
  expect([...png.raw.subarray(1, 7)]).toEqual([...noise.subarray(0, 6)]);
});

test("pixels that do not fit their size, and a bad width, are clear errors; the app keeps running", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      const attempts: [string, () => void][] = [
        ["short", () => st.image({ data: new Uint8Array(11), width: 2, height: 2, channels: 3 })],
        ["odd", () => st.image({ data: new Uint8Array(10), width: 2, height: 2 })],
        ["zero", () => st.image({ data: new Uint8Array(0), width: 0, height: 2 })],
        ["width", () => st.image("https://example.com/a.png", { width: -3 })],
      ];
      for (const [name, attempt] of attempts) {
        try {
          attempt();
        } catch (error) {
          st.text(`${name}: ${(error as Error).message}`);
        }
      }
      st.text("still running");
    }),
  ).run();
  expect(at.get("text").map((e) => e.props.body)).toEqual([
    "short: st.image: pixels: 11 bytes do not fit 2×2 pixels with 3 channels (expected 12 bytes).",
    "odd: st.image: pixels: 10 bytes do not fit 2×2 pixels with 1, 2, 3 or 4 channels.",
    "zero: st.image: pixels: width must be a whole number from 1 to 16384; got 0.",
    'width: st.image: width must be "content", "stretch" or a number of pixels above 0; got -3.',
    "still running",
  ]);
});
