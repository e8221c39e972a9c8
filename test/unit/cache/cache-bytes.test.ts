import { createStorage } from "unstorage";
import { expect, test } from "vitest";
import { cacheData } from "../../../src/cache/index.ts";
import { everyBinaryKind, expectEveryBinaryKind } from "../../helpers/binary-values.ts";

test("a result holding a Buffer works on the first call and on a hit, and comes back a Buffer", async () => {
  const storage = createStorage();
  const readFile = cacheData(
    async (name: string) => ({ name, content: Buffer.from(`contents of ${name}`) }),
    { storage },
  );
  for (const call of ["computed", "cached"]) {
    const file = await readFile("a.txt");
    expect(Buffer.isBuffer(file.content), call).toBe(true);
    expect(file.content.toString(), call).toBe("contents of a.txt");
  }
});

test("results keep every typed array, ArrayBuffer, Buffer and DataView, nested in objects, arrays and Maps, across replicas sharing a store", async () => {
  const storage = createStorage();
  let runs = 0;
  // Each call of `replica` stands for one process loading the app module.
  const replica = () =>
    cacheData(
      async function loadSignals() {
        runs++;
        return {
          top: everyBinaryKind(),
          list: [everyBinaryKind()],
          byName: new Map([["signal", everyBinaryKind()]]),
        };
      },
      { storage },
    );
  for (const signals of [await replica()(), await replica()()]) {
    expectEveryBinaryKind(signals.top);
    expectEveryBinaryKind(signals.list[0]!);
    expectEveryBinaryKind(signals.byName.get("signal")!);
  }
  expect(runs).toBe(1);
  // Stored as base64, not as arrays of numbers.
  const [key] = await storage.getKeys("edgelit:cache");
  expect(JSON.stringify(await storage.getItem(key!))).not.toMatch(/\[0,1,254,255\]/);
});

test("each call gets its own copy of cached bytes: mutating one changes nothing cached", async () => {
  const storage = createStorage();
  const zeros = cacheData(async () => new Uint8Array(4), { storage });
  (await zeros()).fill(7);
  expect([...(await zeros())]).toEqual([0, 0, 0, 0]);
});

test("bytes as arguments: equal content is the same call, other content another; every kind can be an argument", async () => {
  const storage = createStorage();
  let runs = 0;
  const checksum = cacheData(
    async (data: ArrayBufferView | ArrayBuffer) => {
      runs++;
      return data.byteLength;
    },
    { storage },
  );
  expect(await checksum(new Uint8Array([1, 2, 3]).buffer)).toBe(3);
  expect(await checksum(new Uint8Array([1, 2, 3]).buffer)).toBe(3);
  expect(runs).toBe(1);
  expect(await checksum(new Uint8Array([4, 5, 6]).buffer)).toBe(3);
  expect(runs).toBe(2);
  expect(await checksum(new BigInt64Array([1n]))).toBe(8);
  expect(await checksum(new BigInt64Array([2n]))).toBe(8);
  expect(runs).toBe(4);
});

test("a typed array of the app's own subclass is refused with its path, as other class instances are", async () => {
  class Pixels extends Uint8Array {}
  const render = cacheData(async () => ({ frame: { pixels: new Pixels(4) } }), {
    storage: createStorage(),
  });
  await expect(render()).rejects.toThrow(/its result\.frame\.pixels is a Pixels instance/);
});
