import { createStorage, defineDriver } from "unstorage";
import { expect, test } from "vitest";
import { cacheData } from "../../../src/cache/index.ts";
import { defineApp } from "../../../src/index.ts";
import { createMediaStore } from "../../../src/media/media-store.ts";
import { createUploadedFile } from "../../../src/media/uploaded-file.ts";
import { AppTest } from "../../../src/testing/index.ts";

/** Exactly this class, not a subclass such as Buffer (a failed `toBe` on two prototypes cannot even print them). */
function expectExactly(value: unknown, type: typeof Uint8Array | typeof Float64Array) {
  expect(
    Object.getPrototypeOf(value) === type.prototype,
    `a ${(value as object).constructor.name}, not a ${type.name}`,
  ).toBe(true);
}

test("an uploaded file's bytes are a plain Uint8Array of just the file, that st.session and cacheData keep across reruns", async () => {
  let computed = 0;
  const measure = cacheData(async (bytes: Uint8Array) => {
    computed++;
    return { bytes: bytes.slice(0, 2), floats: new Float64Array([bytes.length, Number.NaN, -0]) };
  });
  const seen: {
    bytes: Uint8Array;
    kept: Uint8Array;
    measured: { bytes: Uint8Array; floats: Float64Array };
  }[] = [];
  const at = await AppTest.fromApp(
    defineApp(async (st) => {
      const file = st.fileUploader("Data");
      if (!file) return;
      const bytes = await file.bytes();
      (await file.bytes()).fill(0); // each read is the app's own copy: the stored file stays as it was
      st.session.kept ??= bytes;
      seen.push({ bytes, kept: st.session.kept, measured: await measure(bytes) });
    }),
  ).run();
  await at.fileUploader("Data").upload([{ name: "a.bin", bytes: new Uint8Array([1, 2, 3, 4, 5]) }]);
  await at.run();
  await at.run();
  expect(at.exceptions).toEqual([]);
  expect(computed).toBe(1);
  expect(seen).toHaveLength(2);
  for (const { bytes, kept, measured } of seen) {
    expectExactly(bytes, Uint8Array);
    // Its buffer is the file's own, so views on it (Float32Array, DataView) see the file.
    expect(bytes.byteOffset).toBe(0);
    expect([...new Uint8Array(bytes.buffer)]).toEqual([1, 2, 3, 4, 5]);
    expectExactly(kept, Uint8Array);
    expect([...kept]).toEqual([1, 2, 3, 4, 5]);
    expectExactly(measured.bytes, Uint8Array);
    expect([...measured.bytes]).toEqual([1, 2]);
    expectExactly(measured.floats, Float64Array);
    expect([...measured.floats]).toEqual([5, Number.NaN, -0]);
  }
});

test("a store that hands back Buffers (as Redis and the fs driver do) still gives the app plain Uint8Arrays", async () => {
  // A driver without raw methods: unstorage stores bytes as base64 and reads them back as Buffers.
  const entries = new Map<string, string>();
  const textOnly = defineDriver(() => ({
    name: "text-only",
    hasItem: (key) => entries.has(key),
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
    getKeys: () => [...entries.keys()],
    clear: () => entries.clear(),
  }));
  const media = createMediaStore(createStorage({ driver: textOnly(undefined) }), 3600);
  const ref = await media.putUpload("session", "widget", {
    name: "a.txt",
    type: "text/plain",
    bytes: new TextEncoder().encode("hello"),
  });
  const file = createUploadedFile(ref, () => media.getUploadBytes("session", ref.id));
  const bytes = await file.bytes();
  expectExactly(bytes, Uint8Array);
  expect(new TextDecoder().decode(bytes)).toBe("hello");
  const reader = file.stream().getReader();
  expectExactly((await reader.read()).value, Uint8Array);
  expect(await file.text()).toBe("hello");
});
