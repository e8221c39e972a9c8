import type { Transport } from "../../../src/protocol/index.ts";
import type { CreateTransport, EventTransport, TransportSettings } from "./transport.ts";
import { createJsonTransport } from "./json.ts";
import { createSseTransport } from "./sse.ts";
import { createWebSocketTransport } from "./websocket.ts";

/** The server's default eventTimeoutSeconds, for a page whose config does not say. */
const DEFAULT_EVENT_TIMEOUT_MS = 15_000;

/** The transport this tab fell back to, so a reload does not find out again. */
const STORAGE_KEY = "edgelit:transport";

const CREATE: Record<Transport, CreateTransport> = {
  sse: createSseTransport,
  websocket: createWebSocketTransport,
  json: createJsonTransport,
};

/** The transport events go by now; it changes when one gives way. */
export interface TransportChoice {
  current(): EventTransport;
}

/**
 * Picks the page's transport: `?transport=` in the URL, else the server's only
 * offer, else what this tab fell back to, else SSE. The WebSocket is never
 * tried unless the server offers it, whatever the URL or the tab remembers. A transport that gives way
 * is replaced: SSE by the WebSocket if offered, else JSON; the WebSocket by
 * JSON. A pinned choice (URL or server) gives way only when it cannot work at
 * all. Exposed as `<html data-edgelit-transport>` for tests.
 *
 * @example
 * const transports = chooseTransport(config.transports); // e.g. ["sse", "websocket", "json"]
 */
export function chooseTransport(
  offered: Transport[] = [],
  settings: TransportSettings = { eventTimeoutMs: DEFAULT_EVENT_TIMEOUT_MS },
): TransportChoice {
  // HTTP is always served; a WebSocket only when the server lists it (elsewhere an upgrade gets 426).
  const offers = (name: Transport) =>
    offered.includes(name) || (offered.length === 0 && name !== "websocket");
  const requested = asTransport(new URLSearchParams(location.search).get("transport"));
  const pinned =
    (requested && (requested !== "websocket" || offers(requested)) ? requested : undefined) ??
    (offered.length === 1 ? offered[0] : undefined);
  const remembered = asTransport(readStorage());
  let transport = use(
    pinned ?? (remembered && offers(remembered) ? remembered : offers("sse") ? "sse" : offered[0]!),
  );

  function use(name: Transport): EventTransport {
    document.documentElement.dataset.edgelitTransport = name;
    const created = CREATE[name]((why) => {
      if (transport !== created || name === "json" || (pinned && why === "degraded")) return false;
      const next = name === "sse" && offered.includes("websocket") ? "websocket" : "json";
      console.info(`edgelit: the ${name} transport does not work on this network; using ${next}`);
      writeStorage(next);
      transport = use(next);
      return true;
    }, settings);
    return created;
  }

  return { current: () => transport };
}

function asTransport(value: string | null | undefined): Transport | undefined {
  return value && Object.hasOwn(CREATE, value) ? (value as Transport) : undefined;
}

function readStorage(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the tab finds out again after a reload
  }
}

function writeStorage(name: Transport): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, name);
  } catch {
    // Not fatal: this page keeps its fallback until it reloads.
  }
}
