import { createStorage } from "unstorage";
import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { INLINE_MEDIA_BYTES } from "../../../src/media/media-source.ts";
import { createServer } from "../../../src/server/create-server.ts";
import { AppTest } from "../../../src/testing/index.ts";
import { postToServer } from "../../helpers/events.ts";

const png = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i++) bytes[i] = (i * 31) % 251;
  return bytes;
};

test("small media go inline as data: URIs, larger ones to the store by a content id that reruns keep", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.image(png(100), { caption: "small" });
      st.image(png(INLINE_MEDIA_BYTES + 1));
      st.image("https://example.com/a.png");
      st.image(png(INLINE_MEDIA_BYTES + 1), { inline: true });
    }),
  ).run();
  const [small, large, external] = at.get("image").map((e) => e.props.items[0]!);
  expect(small).toEqual({
    src: expect.stringMatching(/^data:image\/png;base64,iVBORw0KGg/),
    caption: "small",
  });
  expect(large!.src).toMatch(/^\/_edgelit\/media\/[0-9a-f]{32}$/);
  expect(external!.src).toBe("https://example.com/a.png");
  // Asked for inline, a large image goes in the page too.
  expect(at.get("image")[3]!.props.items[0]!.src).toMatch(/^data:image\/png;base64,/);
  await at.run();
  expect(at.get("image")[1]!.props.items[0]!.src).toBe(large!.src);
  const stored = await at.media.getMedia(large!.src.split("/").at(-1)!);
  expect(stored?.meta.type).toBe("image/png");
  expect(stored?.bytes).toEqual(png(INLINE_MEDIA_BYTES + 1));
});

test("Blobs and uploaded files are read before the run ends, keeping their place on the page", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.text("before");
      st.image(new Blob([png(5000)], { type: "image/png" }), { caption: "blob" });
      const file = st.fileUploader("Picture", { type: ["png"] });
      if (file) st.image(file, { caption: file.name });
      st.text("after");
    }),
  ).run();
  expect(at.elements.map((e) => e.kind)).toEqual(["text", "image", "fileUploader", "text"]);
  await at
    .fileUploader("Picture")
    .upload([{ name: "me.png", type: "image/png", bytes: png(6000) }]);
  await at.run();
  expect(at.elements.map((e) => e.kind)).toEqual([
    "text",
    "image",
    "fileUploader",
    "image",
    "text",
  ]);
  expect(at.get("image")[1]!.props.items[0]!.caption).toBe("me.png");
  expect(at.fileUploader("Picture").props.files).toEqual([
    { id: expect.any(String), name: "me.png", size: 6000, type: "image/png" },
  ]);
});

test("an upload widget returns handles that read the stored bytes; removing the file empties the value", async () => {
  const at = await AppTest.fromApp(
    defineApp(async (st) => {
      const files = st.fileUploader("Data", { type: "csv", multiple: true });
      for (const file of files)
        st.write(`${file.name}: ${(await file.text()).trim().split("\n").length} lines`);
    }),
  ).run();
  await at.fileUploader("Data").upload([{ name: "a.csv", type: "text/csv", text: "x\n1\n2\n" }]);
  await at.run();
  await at.fileUploader("Data").upload([{ name: "b.csv", type: "text/csv", text: "y\n" }]);
  await at.run();
  expect(at.get("markdown").map((e) => e.props.body)).toEqual(["a.csv: 3 lines", "b.csv: 1 lines"]);
  await at.fileUploader("Data").setValue([]).run();
  expect(at.get("markdown")).toEqual([]);
});

test("a file id that is not this widget's is refused", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.fileUploader("One");
      st.fileUploader("Two");
    }),
  ).run();
  await at.fileUploader("One").upload([{ name: "a.txt", text: "a" }]);
  await at.run();
  const fileId = at.fileUploader("One").props.files[0]!.id;
  await at
    .sendChange(at.fileUploader("Two").id, [fileId])
    .sendChange(at.fileUploader("One").id, ["f".repeat(24)])
    .run();
  expect(at.refused.map((r) => r.message)).toEqual([
    "Refused a value for this fileUploader: that file is not one this widget received (or it has expired).",
    "Refused a value for this fileUploader: that file is not one this widget received (or it has expired).",
  ]);
  expect(at.fileUploader("Two").props.files).toEqual([]);
});

test("the media route serves stored bytes with their type, an ETag, immutable caching and byte ranges", async () => {
  const server = createServer({
    app: defineApp((st) => st.image(png(10_000))),
    storage: createStorage(),
  });
  const messages = await postToServer(server, {
    sessionId: null,
    lastRunId: null,
    eventId: "load",
  });
  const image = messages.find((m) => m.type === "element" && m.kind === "image") as {
    props: { items: { src: string }[] };
  };
  const url = `http://app.test${image.props.items[0]!.src}`;

  const full = await server.fetch(new Request(url));
  expect(full.status).toBe(200);
  expect(full.headers.get("content-type")).toBe("image/png");
  expect(full.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
  expect(new Uint8Array(await full.arrayBuffer())).toEqual(png(10_000));

  const etag = full.headers.get("etag")!;
  expect(
    (await server.fetch(new Request(url, { headers: { "if-none-match": etag } }))).status,
  ).toBe(304);
  const part = await server.fetch(new Request(url, { headers: { range: "bytes=100-199" } }));
  expect(part.status).toBe(206);
  expect(part.headers.get("content-range")).toBe("bytes 100-199/10000");
  expect(new Uint8Array(await part.arrayBuffer())).toEqual(png(10_000).subarray(100, 200));
  const tail = await server.fetch(new Request(url, { headers: { range: "bytes=-10" } }));
  expect(new Uint8Array(await tail.arrayBuffer())).toEqual(png(10_000).subarray(9990));
  expect(
    (await server.fetch(new Request(url, { headers: { range: "bytes=20000-" } }))).status,
  ).toBe(416);
  expect(
    (
      await server.fetch(
        new Request("http://app.test/_edgelit/media/0123456789abcdef0123456789abcdef"),
      )
    ).status,
  ).toBe(404);
  expect((await server.fetch(new Request("http://app.test/_edgelit/media/not-an-id"))).status).toBe(
    404,
  );
});

test("st.logo goes to the sidebar wherever it is called", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.title("Main");
      st.columns(2)[0]!.logo("https://example.com/logo.svg", { link: "https://example.com" });
    }),
  ).run();
  expect(at.get("logo")).toEqual([
    {
      kind: "logo",
      props: { src: "https://example.com/logo.svg", link: "https://example.com" },
      path: [1, 0],
    },
  ]);
});

test("st.logo's link is checked as a link button's: javascript: and other schemes are refused", async () => {
  const errorOf = async (link: string) =>
    (
      await AppTest.fromApp(
        defineApp((st) => void st.logo("https://example.com/logo.svg", { link })),
      ).run()
    ).exceptions[0]?.props;
  expect(await errorOf("javascript:alert(1)")).toMatchObject({
    name: "EdgelitApiError",
    message:
      "logo: link: only http(s), mailto:, tel: and relative URLs can be opened, not javascript: URLs.",
  });
  expect((await errorOf(" JaVa\tScRiPt:alert(1)"))?.message).toBe(
    "logo: link: only http(s), mailto:, tel: and relative URLs can be opened, not javascript: URLs.",
  );
  expect((await errorOf("data:text/html,<b>hi</b>"))?.message).toBe(
    "logo: link: only http(s), mailto:, tel: and relative URLs can be opened, not data: URLs.",
  );
  expect((await errorOf(""))?.message).toBe('logo: link: expected a URL, got "".');
  expect(await errorOf("/home")).toBeUndefined();
  expect(await errorOf("mailto:team@example.com")).toBeUndefined();
});
