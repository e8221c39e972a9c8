import type { Storage } from "unstorage";

/** The bytes a session's uploads may keep in the store at one time, unless the server says otherwise: 1 GB. */
export const DEFAULT_MAX_SESSION_UPLOAD_BYTES = 1_000_000_000;

/** One entry of a session's upload ledger: bytes in the store, and until when they may stay there. */
interface LedgerEntry {
  bytes: number;
  until: number;
}

type Ledger = Record<string, LedgerEntry>;

/** An upload that would take a session past its quota. */
export class UploadQuotaError extends Error {
  constructor(
    readonly heldBytes: number,
    readonly maxBytes: number,
  ) {
    super("upload quota exceeded");
  }
}

/**
 * What each session's uploads keep in the store, in one small key per
 * session: files, and uploads under way (by the length they declared). An
 * entry counts until its bytes may have expired, not just its meta: bytes
 * still in the store count against the quota. One key, not a listing of the
 * session's files, so it works on stores that cannot list keys (a Durable
 * Object per key). Read, changed and written back without a lock: two uploads
 * of one session that start at the same instant may both pass.
 */
export function createUploadLedger(storage: Storage, now: () => number) {
  const keyOf = (sessionId: string) => `edgelit:upload-quota:${sessionId}`;
  const load = async (sessionId: string): Promise<Ledger> => {
    const stored = (await storage.getItem(keyOf(sessionId))) as Ledger | null;
    const live: Ledger = {};
    if (stored && typeof stored === "object")
      for (const [id, entry] of Object.entries(stored))
        if (entry && entry.until >= now()) live[id] = entry;
    return live;
  };
  const save = async (sessionId: string, ledger: Ledger) => {
    const until = Math.max(0, ...Object.values(ledger).map((entry) => entry.until));
    if (until <= now()) return storage.removeItem(keyOf(sessionId));
    await storage.setItem(keyOf(sessionId), ledger, { ttl: Math.ceil((until - now()) / 1000) });
  };
  const change = async (sessionId: string, edit: (ledger: Ledger) => void) => {
    const ledger = await load(sessionId);
    edit(ledger);
    await save(sessionId, ledger);
  };
  return {
    /** Counts `bytes` for an upload under way, or throws UploadQuotaError if they would not fit. */
    async reserve(
      sessionId: string,
      uploadId: string,
      bytes: number,
      until: number,
      maxBytes: number,
    ): Promise<void> {
      await change(sessionId, (ledger) => {
        let held = 0;
        for (const entry of Object.values(ledger)) held += entry.bytes;
        if (held + bytes > maxBytes) throw new UploadQuotaError(held, maxBytes);
        ledger[uploadId] = { bytes, until };
      });
    },
    /** Replaces an upload's reservation by the files it stored (none when it was refused). */
    settle(sessionId: string, uploadId: string, files: Record<string, LedgerEntry>): Promise<void> {
      return change(sessionId, (ledger) => {
        delete ledger[uploadId];
        Object.assign(ledger, files);
      });
    },
    /** Files whose bytes now stay longer. */
    extend(sessionId: string, files: Record<string, number>): Promise<void> {
      return change(sessionId, (ledger) => {
        for (const [id, until] of Object.entries(files)) {
          const entry = ledger[id];
          if (entry) entry.until = until;
        }
      });
    },
    /**
     * For stores without native expiry: drops the entries of files a sweep
     * removed (`isGone`) and of expired uploads, and ledgers left empty.
     */
    async sweep(isGone: (sessionId: string, id: string) => Promise<boolean>): Promise<void> {
      for (const key of await storage.getKeys("edgelit:upload-quota")) {
        const sessionId = key.slice("edgelit:upload-quota:".length);
        const ledger = await load(sessionId);
        for (const id of Object.keys(ledger)) if (await isGone(sessionId, id)) delete ledger[id];
        await save(sessionId, ledger);
      }
    },
  };
}
