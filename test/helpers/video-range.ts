import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Asks, from the page itself, for 100 bytes near the end of the file its `<video>` plays, and
 * checks the answer is that range (206, its Content-Range, the bytes of `file`). Chromium may fetch
 * a small clip whole in its first range, so the player's own requests prove nothing about ranges.
 */
export async function expectVideoServesRanges(page: Page, file: Uint8Array): Promise<void> {
  const [start, end] = [file.length - 1000, file.length - 901];
  const answer = await page.evaluate(
    async ([first, last]) => {
      const src = document.querySelector("video")!.currentSrc;
      const response = await fetch(src, { headers: { range: `bytes=${first}-${last}` } });
      return {
        status: response.status,
        range: response.headers.get("content-range"),
        bytes: [...new Uint8Array(await response.arrayBuffer())],
      };
    },
    [start, end],
  );
  expect(answer.status).toBe(206);
  expect(answer.range).toBe(`bytes ${start}-${end}/${file.length}`);
  expect(answer.bytes).toEqual([...file.subarray(start, end + 1)]);
}
