import type { Storage } from "unstorage";
import { describe, expect, test } from "vitest";
import { createSessionRecord } from "../../src/session/record.ts";
import { createSessionStore, type SessionStore } from "../../src/session/store.ts";
import { ValueCache } from "../../src/session/value-cache.ts";

/** A store under test; `second` is another client of the same data, as another replica would hold. */
export interface StoreFixture {
  storage: () => Storage;
  second?: () => Storage;
  guarantee: SessionStore["guarantee"];
}

const ID = "0123456789abcdef0123456789abcdef";
const idFor = (suffix: string) => `${ID.slice(0, 30)}${suffix}`;

/**
 * The contract every session store keeps: save, load, versions, expiry, and
 * racing writers. A last-writer-wins store (KV) keeps all of it but the
 * refusal of stale saves, and the suite says so instead of skipping silently.
 */
export function describeSessionStore(name: string, fixture: StoreFixture): void {
  describe(`session store contract: ${name}`, () => {
    test("reports how safe its saves are across processes", () => {
      expect(createSessionStore(fixture.storage()).guarantee).toBe(fixture.guarantee);
    });

    test("saves and loads a record, superjson values included, and bumps its version", async () => {
      const sessions = createSessionStore(fixture.storage());
      const id = idFor("01");
      expect(await sessions.load(id)).toBeUndefined();
      const record = createSessionRecord();
      record.session = { when: new Date(5), tags: new Set(["a"]), n: 1 };
      const saved = await sessions.save(id, record, 0);
      expect(saved?.version).toBe(1);
      const loaded = await sessions.load(id);
      expect(loaded?.version).toBe(1);
      expect(loaded?.session).toEqual({ when: new Date(5), tags: new Set(["a"]), n: 1 });
    });

    if (fixture.guarantee === "last-writer-wins") {
      test("(last writer wins, as documented) a save from a stale version overwrites", async () => {
        const sessions = createSessionStore(fixture.storage());
        const id = idFor("05");
        await sessions.save(id, createSessionRecord(), 0);
        const stale = createSessionRecord();
        stale.session = { winner: "stale" };
        expect(await sessions.save(id, stale, 0)).toBeDefined();
        expect((await sessions.load(id))?.session).toEqual({ winner: "stale" });
      });
    } else {
      test("refuses a save from a stale version and keeps the stored record", async () => {
        const sessions = createSessionStore(fixture.storage());
        const id = idFor("02");
        const first = createSessionRecord();
        first.session = { winner: "first" };
        await sessions.save(id, first, 0);
        const again = await sessions.load(id);
        again!.session = { winner: "second" };
        expect(await sessions.save(id, again!, 1)).toBeDefined();
        const stale = createSessionRecord();
        stale.session = { winner: "stale" };
        expect(await sessions.save(id, stale, 1)).toBeUndefined();
        expect((await sessions.load(id))?.session).toEqual({ winner: "second" });
        expect((await sessions.load(id))?.version).toBe(2);
      });
    }

    test("a session idle past its TTL is gone, and not before", async () => {
      const sessions = createSessionStore(fixture.storage(), { ttlSeconds: 1 });
      const id = idFor("03");
      const savedAfter = Date.now();
      await sessions.save(id, createSessionRecord(), 0);
      expect(await sessions.load(id)).toBeDefined();
      // Loading does not touch a session, so polling it leaves the TTL running; gone within two TTLs.
      await expect.poll(() => sessions.load(id), { timeout: 2000, interval: 50 }).toBeUndefined();
      expect(Date.now() - savedAfter).toBeGreaterThanOrEqual(1000);
    });

    const second = fixture.second;
    if (second) {
      test("of two replicas racing to save from the same version, exactly one wins", async () => {
        const id = idFor("04");
        const a = createSessionStore(fixture.storage());
        const b = createSessionStore(second());
        await a.save(id, createSessionRecord(), 0);
        for (let round = 1; round <= 20; round++) {
          const [fromA, fromB] = await Promise.all([a.load(id), b.load(id)]);
          fromA!.session = { by: "a", round };
          fromB!.session = { by: "b", round };
          const results = await Promise.all([a.save(id, fromA!, round), b.save(id, fromB!, round)]);
          expect(results.filter(Boolean)).toHaveLength(1);
          expect((await a.load(id))?.version).toBe(round + 1);
        }
      });

      test("a large value changed in place on one replica is read on the other; a losing save's change is not", async () => {
        const id = idFor("05");
        // Each replica holds its own texts, as two processes do.
        const replica = (storage: Storage) =>
          createSessionStore(storage, { valueCache: new ValueCache(1 << 24) });
        const a = replica(fixture.storage());
        const b = replica(second());
        const record = createSessionRecord();
        record.session = {
          rows: Array.from({ length: 2_000 }, (_, i) => ({ i, at: new Date(i) })),
        };
        await a.save(id, record, 0);
        const onB = (await b.load(id))!;
        (onB.session.rows as unknown[]).push("pushed on b");
        expect(await b.save(id, onB, 1)).toBeDefined();
        const onA = (await a.load(id))!;
        expect((onA.session.rows as unknown[]).length).toBe(2_001);
        expect((onA.session.rows as { at: Date }[])[5]!.at).toEqual(new Date(5));
        if (fixture.guarantee === "last-writer-wins") return;
        const stale = (await b.load(id))!;
        (onA.session.rows as unknown[]).push("pushed on a");
        expect(await a.save(id, onA, 2)).toBeDefined();
        (stale.session.rows as unknown[]).push("lost on b");
        expect(await b.save(id, stale, 2)).toBeUndefined();
        const rows = (await b.load(id))!.session.rows as unknown[];
        expect(rows.slice(-2)).toEqual(["pushed on b", "pushed on a"]);
      });
    }
  });
}
