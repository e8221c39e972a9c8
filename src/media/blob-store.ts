import type { Storage } from "unstorage";

/** What is kept next to stored bytes. */
export interface BlobMeta {
  type: string;
  /** When the entry may be deleted (ms since epoch), for stores that cannot expire keys. */
  expiresAt: number;
  name?: string;
  widgetId?: string;
}

/**
 * Bytes with their metadata under one key: a 4-byte length, the JSON meta,
 * then the bytes. One read serves a media request; one write stores it.
 */
export async function putBlob(
  storage: Storage,
  key: string,
  meta: BlobMeta,
  bytes: Uint8Array,
  ttlSeconds: number,
): Promise<void> {
  const header = new TextEncoder().encode(JSON.stringify(meta));
  const value = new Uint8Array(4 + header.length + bytes.length);
  new DataView(value.buffer).setUint32(0, header.length);
  value.set(header, 4);
  value.set(bytes, 4 + header.length);
  await storage.setItemRaw(key, value, { ttl: ttlSeconds });
}

/** The bytes and meta under `key`, or undefined when missing or expired. */
export async function getBlob(
  storage: Storage,
  key: string,
  now = Date.now(),
): Promise<{ meta: BlobMeta; bytes: Uint8Array } | undefined> {
  const value = toBytes(await storage.getItemRaw(key));
  if (!value || value.length < 4) return undefined;
  const length = new DataView(value.buffer, value.byteOffset, value.byteLength).getUint32(0);
  if (4 + length > value.length) return undefined;
  const meta = JSON.parse(new TextDecoder().decode(value.subarray(4, 4 + length))) as BlobMeta;
  if (meta.expiresAt < now) return undefined;
  return { meta, bytes: value.subarray(4 + length) };
}

/** Deletes entries under `prefix` past their expiry, for stores without native expiry (fs, memory). */
export async function sweepBlobs(
  storage: Storage,
  prefix: string,
  now = Date.now(),
): Promise<number> {
  let removed = 0;
  for (const key of await storage.getKeys(prefix)) {
    const entry = await getBlob(storage, key, now).catch(() => undefined);
    if (!entry) {
      await storage.removeItem(key);
      removed++;
    }
  }
  return removed;
}

function toBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (typeof value === "string")
    return Uint8Array.from(atob(value.startsWith("base64:") ? value.slice(7) : value), (c) =>
      c.charCodeAt(0),
    );
  if (
    value &&
    typeof value === "object" &&
    "type" in value &&
    (value as { type: string }).type === "Buffer"
  ) {
    return Uint8Array.from((value as unknown as { data: number[] }).data);
  }
  return undefined;
}
