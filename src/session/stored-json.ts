import { SuperJSON } from "superjson";

/**
 * The superjson that session records and cached results go through: its own
 * rules plus one for binary data, which superjson alone keeps only as arrays
 * of numbers (losing NaN, -0 and 64-bit integers, failing on a Buffer) and
 * not at all for an ArrayBuffer. A separate instance, so an app's own use of
 * superjson is left as it is.
 *
 * Binary values are stored as `[kind, base64]` and come back as a fresh copy
 * of the same class, holding only the view's bytes: a typed array of any
 * kind, a DataView, an ArrayBuffer. A Node `Buffer` comes back a Buffer
 * where the runtime has one (Node, Workers with `nodejs_compat`), a plain
 * Uint8Array elsewhere.
 */
export const storedJson = new SuperJSON();

/** True for the binary values stored as base64: see {@link storedJson}. Subclasses an app defines are not among them. */
export function isStoredBytes(value: object): boolean {
  return KIND_BY_PROTOTYPE.has(Object.getPrototypeOf(value));
}

storedJson.registerCustom<ArrayBufferView | ArrayBuffer, [string, string]>(
  {
    isApplicable: (value): value is ArrayBufferView | ArrayBuffer =>
      typeof value === "object" && value !== null && isStoredBytes(value),
    serialize: (value) => [
      KIND_BY_PROTOTYPE.get(Object.getPrototypeOf(value))!,
      toBase64(bytesOf(value)),
    ],
    deserialize: ([kind, base64]) => fromStored(kind, fromBase64(base64)),
  },
  "bytes",
);

// --- Internal helpers ---

type ViewClass = new (buffer: ArrayBuffer) => ArrayBufferView;

const VIEW_CLASSES: Record<string, ViewClass> = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
  DataView,
};

/** Node's Buffer, found by feature detection: `src` also runs on Workers. */
const NodeBuffer = (
  globalThis as { Buffer?: { prototype: object; from(buffer: ArrayBuffer): Uint8Array } }
).Buffer;

const KIND_BY_PROTOTYPE = new Map<object, string>([
  ...Object.entries(VIEW_CLASSES).map(([kind, viewClass]) => [viewClass.prototype, kind] as const),
  [ArrayBuffer.prototype, "ArrayBuffer"],
  ...(NodeBuffer ? [[NodeBuffer.prototype, "Buffer"] as const] : []),
]);

function bytesOf(value: ArrayBufferView | ArrayBuffer): Uint8Array {
  return value instanceof ArrayBuffer
    ? new Uint8Array(value)
    : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

function fromStored(kind: string, bytes: Uint8Array<ArrayBuffer>): ArrayBufferView | ArrayBuffer {
  if (kind === "ArrayBuffer") return bytes.buffer;
  if (kind === "Buffer") return NodeBuffer ? NodeBuffer.from(bytes.buffer) : bytes;
  const viewClass = VIEW_CLASSES[kind];
  if (!viewClass) throw new TypeError(`Unknown kind of stored bytes: ${kind}`);
  return new viewClass(bytes.buffer);
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
