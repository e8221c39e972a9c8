/**
 * The texts of large `st.session` values this process has stored or read
 * lately, by content hash (see large-values.ts): the next event of a session
 * whose value has not changed finds its text here instead of reading it from
 * the store, so a value no event touches costs no store read and no parse.
 * Sessions holding the same content share one entry (the hash is SHA-256, so
 * no session can name another's content without holding it). Bounded by the
 * characters held: past the bound, the least recently used text is forgotten,
 * one at a time, and read again from the store when an event needs it.
 *
 * @example
 * const cache = new ValueCache(1 << 20);
 * cache.set("3f2a…", 'j{"rows":[]}');
 * cache.get("3f2a…"); // 'j{"rows":[]}'
 */
export class ValueCache {
  private readonly texts = new Map<string, string>();
  private held = 0;

  /** @param maxChars the most characters of text held in all (about bytes, for JSON that is ASCII). */
  constructor(readonly maxChars: number) {}

  /** The text with this hash, now the most recently used; undefined when not held. */
  get(hash: string): string | undefined {
    const text = this.texts.get(hash);
    if (text === undefined) return undefined;
    // Map keeps insertion order: moving the entry to the end marks it most recent.
    this.texts.delete(hash);
    this.texts.set(hash, text);
    return text;
  }

  /** Holds a text; one larger than the whole bound is not held. */
  set(hash: string, text: string): void {
    const existing = this.texts.get(hash);
    if (existing !== undefined) {
      this.texts.delete(hash);
      this.held -= existing.length;
    }
    if (text.length > this.maxChars) return;
    this.texts.set(hash, text);
    this.held += text.length;
    while (this.held > this.maxChars) {
      const [oldest, evicted] = this.texts.entries().next().value as [string, string];
      this.texts.delete(oldest);
      this.held -= evicted.length;
    }
  }

  /** The characters held in all. */
  get size(): number {
    return this.held;
  }

  /** The hashes held, least recently used first (for tests). */
  hashes(): string[] {
    return [...this.texts.keys()];
  }

  /** Forgets every text (a process that restarts holds none). */
  clear(): void {
    this.texts.clear();
    this.held = 0;
  }
}

/** The process's cache: 32 MB of text at most (a Worker isolate has 128 MB in all). */
export const processValueCache = new ValueCache(32 * 1024 * 1024);
