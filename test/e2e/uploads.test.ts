import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, expect, test } from "vitest";
import { barChartSvg } from "../../examples/uploads/generated-media.ts";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startEdgelit } from "../helpers/processes.ts";

let browser: Browser;
let server: Awaited<ReturnType<typeof startEdgelit>>;

beforeAll(async () => {
  server = await startEdgelit({ app: "examples/uploads/app.ts" });
  // Chromium's fake camera and microphone, granted without a prompt.
  browser = await launchBrowser({
    extraArgs: ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A real PNG of `width` × `height` red pixels. */
function png(width: number, height: number): Buffer {
  const crc = (data: Buffer) => {
    let c = ~0;
    for (const byte of data) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(
    Array.from({ length: height }, () =>
      Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([220, 40, 40]))]),
    ),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test("an uploaded image is stored and shown back; removing it removes it from the page", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  const picture = png(64, 48);
  await page
    .getByLabel("A picture")
    .setInputFiles({ name: "red.png", mimeType: "image/png", buffer: picture });
  const shown = page.getByRole("img", { name: `red.png · ${picture.length} bytes` });
  await shown.waitFor();
  await expect
    .poll(() =>
      shown.evaluate((img: HTMLImageElement) => `${img.naturalWidth}x${img.naturalHeight}`),
    )
    .toBe("64x48");

  await page.getByRole("button", { name: "Remove red.png" }).click();
  await shown.waitFor({ state: "detached" });
  expect(page.errors).toEqual([]);
});

test("the download button downloads exactly the app's bytes", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the chart" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("chart.svg");
  expect(new Uint8Array(readFileSync((await download.path())!))).toEqual(barChartSvg([3, 5, 2, 8]));
});

test("a photo from the (fake) camera is uploaded and shown back", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByRole("button", { name: "Open camera" }).click();
  await page.getByRole("button", { name: "Take photo" }).click();
  const photo = page.getByRole("img", { name: "Your photo" });
  await photo.waitFor({ timeout: 20_000 });
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth > 0))
    .toBe(true);
  expect(page.errors).toEqual([]);
});
