import { createEffect, createSignal, type Accessor } from "solid-js";
import { ROUTES } from "../../../../src/protocol/index.ts";
import type { FrameOrderAnswer, FrameOrderRequest } from "../../../../src/protocol/row-order.ts";

/** Frames of more batches than this sort on the server: the page loads only the rows it shows. */
export const LOCAL_SORT_BATCHES = 4;

/** The sort of a frame too large to load whole: asked of the server, which any replica answers. */
export interface ServerOrder {
  /** The frame's rows in sorted order, once the server's answer is in. */
  order: Accessor<Int32Array | undefined>;
  pending: Accessor<boolean>;
  failed: Accessor<boolean>;
}

/**
 * Asks `ROUTES.frameOrder` for the sorted row order of the frame (by its
 * batch ids) whenever the sort changes, then fetches that order (cached
 * forever by the browser, like the batches). Orders already fetched are kept
 * for this grid, so flipping the direction back costs nothing.
 * @example const server = createServerOrder({ batches: () => ids, sort, enabled: () => true });
 */
export function createServerOrder(options: {
  batches: Accessor<string[]>;
  sort: Accessor<{ name: string; descending: boolean } | undefined>;
  enabled: Accessor<boolean>;
}): ServerOrder {
  const [order, setOrder] = createSignal<Int32Array | undefined>();
  const [pending, setPending] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  const known = new Map<string, Int32Array>();
  let wanted = "";

  createEffect(() => {
    const sort = options.sort();
    if (!options.enabled() || !sort) {
      wanted = "";
      setOrder(undefined);
      setPending(false);
      return;
    }
    const request: FrameOrderRequest = {
      batches: options.batches(),
      column: sort.name,
      descending: sort.descending,
    };
    const key = JSON.stringify(request);
    wanted = key;
    const cached = known.get(key);
    setOrder(cached);
    setPending(!cached);
    if (cached) return;
    fetchOrder(request)
      .then((rows) => {
        known.set(key, rows);
        if (wanted !== key) return;
        setOrder(rows);
        setFailed(false);
      })
      .catch((error: unknown) => {
        console.error("edgelit: the server could not sort the frame", error);
        if (wanted === key) setFailed(true);
      })
      .finally(() => {
        if (wanted === key) setPending(false);
      });
  });
  return { order, pending, failed };
}

// --- Internal helpers ---

async function fetchOrder(request: FrameOrderRequest): Promise<Int32Array> {
  const asked = await fetch(ROUTES.frameOrder, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
  });
  if (!asked.ok) throw new Error(`frame order: HTTP ${asked.status}`);
  const answer = (await asked.json()) as FrameOrderAnswer;
  const stored = await fetch(`${ROUTES.media}${answer.order}`);
  if (!stored.ok) throw new Error(`frame order ${answer.order}: HTTP ${stored.status}`);
  return new Int32Array(await stored.arrayBuffer());
}
