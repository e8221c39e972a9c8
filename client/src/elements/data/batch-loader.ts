import { createMemo, createSignal, type Accessor } from "solid-js";
import { tableFromIPC, type Table, type Vector } from "apache-arrow";
import type { DataColumn } from "../../../../src/protocol/index.ts";

/** The batches of one stored frame, fetched once each when first asked for. */
export interface BatchLoader {
  /** Fetches this batch unless it is loaded or on its way (a failed one is asked for again). */
  load(batch: number): void;
  loadAll(): void;
  loaded(batch: number): boolean;
  allLoaded(): boolean;
  /** True while a batch failed to load (until it is asked for again). */
  failed: Accessor<boolean>;
  /** The batch's vectors for these columns (by name), or undefined while it loads. */
  columns(batch: number, columns: DataColumn[]): (Vector | null)[] | undefined;
}

/**
 * Loads a frame's Arrow batches from their URLs. New ids (another frame) start
 * afresh; a batch of the old frame that arrives late is dropped.
 */
export function createBatchLoader(
  ids: Accessor<string[]>,
  urlOf: (id: string) => string,
): BatchLoader {
  // New props with the same ids (a rerun that changed the selection) keep the batches loaded.
  const sameIds = createMemo(ids, [], {
    equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]),
  });
  const state = createMemo(() => {
    const [tables, setTables] = createSignal<(Table | undefined)[]>([], { equals: false });
    return { ids: sameIds(), tables, setTables, pending: new Set<number>() };
  });
  const [failed, setFailed] = createSignal(false);
  const vectorCache = new WeakMap<Table, { columns: DataColumn[]; vectors: (Vector | null)[] }>();

  const load = (batch: number) => {
    const current = state();
    const id = current.ids[batch];
    if (id === undefined || current.pending.has(batch) || current.tables()[batch]) return;
    current.pending.add(batch);
    fetch(urlOf(id))
      .then((response) => {
        if (!response.ok) throw new Error(`batch ${batch}: HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then((buffer) => {
        const table = tableFromIPC(new Uint8Array(buffer));
        const list = current.tables();
        list[batch] = table;
        current.setTables(list);
        setFailed(false);
      })
      .catch((error: unknown) => {
        console.error("edgelit: a dataframe batch failed to load", error);
        setFailed(true);
      })
      .finally(() => current.pending.delete(batch));
  };

  return {
    load,
    loadAll: () => state().ids.forEach((_, batch) => load(batch)),
    loaded: (batch) => state().tables()[batch] !== undefined,
    allLoaded: () => {
      const current = state();
      const tables = current.tables();
      return current.ids.every((_, batch) => tables[batch] !== undefined);
    },
    failed,
    columns(batch, columns) {
      const table = state().tables()[batch];
      if (!table) return undefined;
      const known = vectorCache.get(table);
      if (known && known.columns === columns) return known.vectors;
      const vectors = columns.map((column) => table.getChild(column.name));
      vectorCache.set(table, { columns, vectors });
      return vectors;
    },
  };
}
