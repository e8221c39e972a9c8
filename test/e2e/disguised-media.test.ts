import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";
import { noisePng } from "../integration/fixtures/media-app.ts";
import { activePayload } from "../integration/fixtures/disguised-media-app.ts";

/**
 * Issue 14, end to end: a document disguised as a picture is uploaded, shown
 * back with `st.image`, and its media URL opened in a tab. Nothing of it may
 * run on the app's origin, where it could read the tab's session id.
 */

const app = appInBrowser({ app: "test/integration/fixtures/disguised-media-app.ts" });

/** Opens `path` in a tab of its own; a download (what a sandboxed attachment becomes) is no error. */
async function openOnItsOwn(path: string) {
  const tab = await app.browser.newPage();
  await tab.goto(app.server.url + path).catch((error: Error) => {
    if (!/Download is starting|net::ERR_ABORTED/.test(error.message)) throw error;
  });
  await tab.waitForTimeout(500);
  return tab;
}

test("a disguised document's media URL, opened on its own, runs nothing on the app's origin", async () => {
  const dialogs: string[] = [];
  app.browser.context.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const page = await app.browser.newPage();
  await page.goto(app.server.url);

  // An uploader that accepts anything keeps it, and the app shows it as an image.
  await page
    .getByLabel("Anything")
    .setInputFiles([
      { name: "x.png", mimeType: "text/xsl", buffer: Buffer.from(activePayload("upload")) },
    ]);
  const shown = page.getByRole("img", { name: "Anything: x.png" });
  await shown.waitFor();
  const uploaded = (await shown.getAttribute("src"))!;
  expect(uploaded).toMatch(/^\/_edgelit\/media\/[0-9a-f]{32}$/);
  const appHtml = (await page.getByRole("img", { name: "App HTML" }).getAttribute("src"))!;
  const appSvg = (await page.getByRole("img", { name: "App SVG" }).getAttribute("src"))!;

  const opened = [];
  for (const path of [uploaded, appHtml, appSvg]) opened.push(await openOnItsOwn(path));

  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem("pwned"))).toBeNull();
  for (const tab of opened) expect(await tab.title()).not.toBe("pwned");
  expect(page.errors).toEqual([]);
});

test("the png uploader refuses the disguised document in the page, saying why", async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  await page.getByLabel("Picture").setInputFiles({
    name: "x.png",
    mimeType: "text/xsl",
    buffer: Buffer.from(activePayload("png")),
  });
  await page
    .getByText('"x.png" is not a PNG image: its content does not match its extension.')
    .waitFor({ timeout: 10_000 });

  expect(await page.getByRole("img", { name: "Picture: x.png" }).count()).toBe(0);
});

test("a real PNG's media URL, opened on its own, still shows the picture under the sandbox", async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  await page.getByLabel("Picture").setInputFiles({
    name: "real.png",
    mimeType: "image/png",
    buffer: Buffer.from(noisePng(60, 50, 2)),
  });
  const src = (await page.getByRole("img", { name: "Picture: real.png" }).getAttribute("src"))!;
  const tab = await openOnItsOwn(src);
  await expect
    .poll(() =>
      tab.evaluate(() => {
        const img = document.querySelector("img");
        return img ? `${img.naturalWidth}x${img.naturalHeight}` : "no image";
      }),
    )
    .toBe("60x50");
});
