// h3/node by name, as the Node adapter does: the server must be the Node build whatever the resolver prefers.
import { serve } from "h3/node";
import { createStorage } from "unstorage";
import { afterAll, beforeAll, expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { createServer, type EdgelitServer } from "../../../src/server/create-server.ts";
import { freePort } from "../../helpers/processes.ts";
import { linesShown, openMediaTab, someBytes, upload, uploaderId } from "./media-tab.ts";

/**
 * The per-session upload quota (`maxSessionUploadBytes`), small here: the
 * server runs in this process over real HTTP, so the test can read its store.
 */

const QUOTA = 3_000_000;
let edgelit: EdgelitServer;
let httpServer: ReturnType<typeof serve>;
let url: string;

beforeAll(async () => {
  edgelit = createServer({
    app: defineApp((st) => {
      for (const file of st.fileUploader("Files", { multiple: true }))
        st.write(`${file.name}: ${file.size} bytes`);
    }),
    storage: createStorage(),
    maxSessionUploadBytes: QUOTA,
  });
  const port = await freePort();
  httpServer = serve(edgelit.h3, {
    port,
    hostname: "127.0.0.1",
    silent: true,
    gracefulShutdown: false,
  });
  await httpServer.ready();
  url = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await httpServer?.close(true);
});

const file = (name: string, size: number, seed: number) => ({
  name,
  type: "application/octet-stream",
  bytes: someBytes(size, seed),
});

test("a session past its upload quota gets a 413 that says why, keeps its files, and other sessions upload as before", async () => {
  const tab = await openMediaTab(url);
  const target = { sessionId: tab.sessionId, widgetId: uploaderId(tab, "Files") };
  const first = await upload(url, target, [file("a.bin", 2_000_000, 1)]);
  expect(first.status).toBe(200);

  const refused = await upload(url, target, [file("b.bin", 2_000_000, 2)]);
  expect(refused.status).toBe(413);
  expect(refused.error?.code).toBe("payload_too_large");
  expect(refused.error?.message).toMatch(
    /^This session's uploads already keep 1\.9 MB of the 2\.9 MB a session may keep at once; this upload of 1\.9 MB does not fit\. Remove some files, or wait for files no longer used to expire\.$/,
  );

  // What fits still goes in, and the first file is whole.
  const small = await upload(url, target, [file("c.bin", 500_000, 3)]);
  expect(small.status).toBe(200);
  await tab.send([
    { id: uploaderId(tab, "Files"), value: [first.files![0]!.id, small.files![0]!.id] },
  ]);
  expect(linesShown(tab)).toEqual(["a.bin: 2000000 bytes", "c.bin: 500000 bytes"]);

  // The quota is per session.
  const other = await openMediaTab(url);
  const theirs = await upload(
    url,
    { sessionId: other.sessionId, widgetId: uploaderId(other, "Files") },
    [file("d.bin", 2_000_000, 4)],
  );
  expect(theirs.status).toBe(200);
});
