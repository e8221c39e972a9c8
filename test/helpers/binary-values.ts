import { expect } from "vitest";

/**
 * One value of every binary kind edgelit keeps, each with content that JSON
 * numbers would lose (NaN, -0, 64-bit integers), a pooled Buffer, a DataView
 * and a view on part of a larger buffer (only its own bytes are kept).
 */
export const everyBinaryKind = () => ({
  uint8: new Uint8Array([0, 1, 254, 255]),
  int8: new Int8Array([-128, 0, 127]),
  uint8Clamped: new Uint8ClampedArray([0, 128, 255]),
  int16: new Int16Array([-32768, 32767]),
  uint16: new Uint16Array([0, 65535]),
  int32: new Int32Array([-(2 ** 31), 2 ** 31 - 1]),
  uint32: new Uint32Array([0, 2 ** 32 - 1]),
  float32: new Float32Array([1.5, Number.NaN, -0, Number.POSITIVE_INFINITY]),
  float64: new Float64Array([Math.PI, Number.NaN, -0, Number.NEGATIVE_INFINITY]),
  bigInt64: new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n]),
  bigUint64: new BigUint64Array([0n, 2n ** 64n - 1n]),
  arrayBuffer: new Uint8Array([9, 8, 7]).buffer,
  buffer: Buffer.from("pooled"),
  view: new DataView(new Uint8Array([0, 1, 2, 3]).buffer, 1, 2),
  window: new Uint16Array(new Uint16Array([1, 2, 3, 4]).buffer, 2, 2),
});

/** Expects each of `everyBinaryKind()`'s values in `actual`, with its exact class and bytes. */
export function expectEveryBinaryKind(actual: unknown): void {
  for (const [name, expected] of Object.entries(everyBinaryKind())) {
    const value = (actual as Record<string, ArrayBufferView | ArrayBuffer>)[name]!;
    expect(value.constructor, name).toBe(expected.constructor);
    expect(bytesOf(value), name).toEqual(bytesOf(expected));
  }
}

function bytesOf(binary: ArrayBufferView | ArrayBuffer): number[] {
  return binary instanceof ArrayBuffer
    ? [...new Uint8Array(binary)]
    : [...new Uint8Array(binary.buffer, binary.byteOffset, binary.byteLength)];
}
