import type { ServerMessage } from "../../../src/protocol/index.ts";

/**
 * Records in shared memory that one thread writes and another reads, without waking it. Its
 * first use: a script thread's messages for its pages: the thread writes them without
 * waking the main thread, which reads them when the thread next posts (an event is over) or
 * when it looks on its own, every few milliseconds. So a quick event costs one wake-up, not
 * one per message, and a script that never yields still streams: its messages are in shared
 * memory, where the main thread reads them while the script runs on.
 *
 * One writer, one reader (for messages, the script thread and the main thread; for run
 * orders, the other way round). A record is `[byte length, run id, JSON of the payload]`, 4-byte aligned; a length of WRAP sends the
 * reader back to the start, POSTED says the messages were too large for the ring and come as
 * a posted report instead (the reader waits for it there, so order is kept).
 */
export interface MessageRing {
  /** The shared memory: records, then the read and write positions. */
  buffer: SharedArrayBuffer;
}

/** How many bytes of messages a ring holds; larger messages are posted. */
export const RING_BYTES = 1 << 20;
/** Records past this size are posted, so a large element never waits for the whole ring. */
const LARGEST_RECORD = RING_BYTES >> 2;
const WRAP = -1;
const POSTED = -2;
const HEADER = 8;
/** Int32 indexes of the positions, after the records. */
const READ = RING_BYTES / 4;
const WRITE = READ + 1;

/** A new, empty ring. */
export function createMessageRing(): MessageRing {
  return { buffer: new SharedArrayBuffer(RING_BYTES + 8) };
}

/** The payload of a message ring's records: by default a run's messages for its page. */
type Payload = ServerMessage[];

/**
 * The writer's side. `write` returns false when the payload must be posted instead (too
 * large): a POSTED mark keeps its place. A full ring waits for the reader, who reads every few
 * milliseconds whatever this thread does. `tryWrite` never waits and leaves no mark: it
 * returns false when the payload is too large or the ring has no room now, for a writer that
 * must not block (the main thread) and whose records need no order among each other.
 */
export function ringWriter<T = Payload>(
  ring: MessageRing,
): {
  write(runId: number, payload: T): boolean;
  tryWrite(runId: number, payload: T): boolean;
} {
  const words = new Int32Array(ring.buffer);
  const bytes = new Uint8Array(ring.buffer, 0, RING_BYTES);
  const encoder = new TextEncoder();
  /**
   * Room for `size` bytes at the write position (wrapping first if needed), waiting if full;
   * -1 when full and `wait` is false.
   */
  const reserve = (size: number, wait = true): number => {
    for (;;) {
      const read = Atomics.load(words, READ);
      const write = Atomics.load(words, WRITE);
      if (write >= read) {
        // Keep one word free, so a full ring never looks empty (read === write).
        if (RING_BYTES - write >= size + (read === 0 ? 4 : 0)) return write;
        if (read > size + 4) {
          words[write / 4] = WRAP;
          Atomics.store(words, WRITE, 0);
          continue;
        }
      } else if (read - write > size + 4) return write;
      if (!wait) return -1;
      Atomics.wait(words, READ, read, 50);
    }
  };
  const commit = (at: number, size: number) => {
    const end = at + size;
    Atomics.store(words, WRITE, end === RING_BYTES ? 0 : end);
  };
  /** Writes `json` at a reserved place; false when it is too large, or (not waiting) the ring is full. */
  const put = (runId: number, json: string, wait: boolean): boolean => {
    // A UTF-8 byte per character at best, three at worst.
    if (json.length * 3 + HEADER > LARGEST_RECORD) return false;
    const at = reserve(align(json.length * 3 + HEADER), wait);
    if (at < 0) return false;
    const { written: length } = encoder.encodeInto(
      json,
      bytes.subarray(at + HEADER, at + HEADER + json.length * 3),
    );
    words[at / 4] = length;
    words[at / 4 + 1] = runId;
    commit(at, align(length + HEADER));
    return true;
  };
  return {
    write(runId, payload) {
      if (put(runId, JSON.stringify(payload), true)) return true;
      const at = reserve(HEADER);
      words[at / 4] = POSTED;
      words[at / 4 + 1] = runId;
      commit(at, HEADER);
      return false;
    },
    tryWrite: (runId, payload) => put(runId, JSON.stringify(payload), false),
  };
}

/**
 * The reader's side: `read` hands every record written so far to `deliver`, in order. At a
 * POSTED mark it takes the posted payload `posted` holds (oldest first), or stops there until
 * it has come.
 */
export function ringReader<T = Payload>(
  ring: MessageRing,
): {
  read(deliver: (runId: number, payload: T) => void, posted: T[]): void;
  /** True when records wait to be read. */
  pending(): boolean;
} {
  const words = new Int32Array(ring.buffer);
  const decoder = new TextDecoder();
  const bytes = new Uint8Array(ring.buffer, 0, RING_BYTES);
  return {
    read(deliver, posted) {
      let read = Atomics.load(words, READ);
      const write = Atomics.load(words, WRITE);
      while (read !== write) {
        const length = words[read / 4]!;
        if (length === WRAP) {
          read = 0;
          continue;
        }
        const runId = words[read / 4 + 1]!;
        if (length === POSTED) {
          const messages = posted.shift();
          if (!messages) break;
          read = after(read, HEADER);
          Atomics.store(words, READ, read);
          deliver(runId, messages);
          continue;
        }
        const json = decoder.decode(bytes.subarray(read + HEADER, read + HEADER + length));
        read = after(read, align(length + HEADER));
        // Read before it is delivered: a delivery that throws does not deliver it twice.
        Atomics.store(words, READ, read);
        deliver(runId, JSON.parse(json) as T);
      }
      Atomics.store(words, READ, read);
      Atomics.notify(words, READ);
    },
    pending() {
      return Atomics.load(words, READ) !== Atomics.load(words, WRITE);
    },
  };
}

// --- Internal helpers ---

/** The position past a record of `size` bytes at `at`: a record that ends the ring ends at its start. */
function after(at: number, size: number): number {
  return at + size === RING_BYTES ? 0 : at + size;
}

function align(size: number): number {
  return (size + 3) & ~3;
}
