import { DurableObject } from "cloudflare:workers";
import type { EdgelitServer } from "../../src/server/create-server.ts";
import type { SocketPeer } from "../../src/server/socket-events.ts";

/**
 * The end of a WebSocket a Durable Object holds, as workerd gives it: its
 * attachment outlives hibernation. Typed here rather than taken from
 * "cloudflare:workers", whose types come from the Worker's own project.
 */
interface HibernatableWebSocket {
  send(message: string | ArrayBuffer): void;
  close(code?: number, reason?: string): void;
  serializeAttachment(value: unknown): void;
  deserializeAttachment(): unknown;
}

/** What the object keeps with each socket, so it survives hibernation. */
interface SocketAttachment {
  remoteAddress: string | undefined;
  forwardedFor: string | null;
  /** The handshake's URL and headers, for `st.context` and `st.user`, when they fit (see below). */
  handshake?: { url: string; headers: [string, string][] };
}

/** workerd keeps at most 2,048 bytes of attachment per socket. */
const MAX_ATTACHMENT_CHARS = 2000;

/** The Worker's server for an `env`, as `createWorker` registers it (see {@link registerSocketServer}). */
type ServerFor = (env: Readonly<Record<string, unknown>>) => EdgelitServer;

let serverFor: ServerFor | undefined;

/**
 * Called by `createWorker` when it is given `sockets`: the objects of
 * {@link EdgelitSockets} in this script run their events on that Worker's
 * server. One Worker per script holds sockets.
 */
export function registerSocketServer(server: ServerFor): void {
  serverFor = server;
}

/**
 * A Durable Object that holds the page's WebSockets on Workers, with the
 * hibernation API: while no event runs, an open socket costs no duration.
 * Each message is one whole event, run through the server's own event path
 * (sequence numbers, limits, saving to the session store), so a socket
 * holds nothing a reconnect to another object would miss. Export it from
 * the Worker's entry, bind it, and pass the binding as `createWorker`'s
 * `sockets`.
 *
 * @example
 * // worker.ts
 * export { EdgelitSessionStore, EdgelitSockets } from "edgelit/cloudflare";
 * export default createWorker<Env>({ app, storage, sockets: (env) => env.SOCKETS });
 * // wrangler.toml
 * // [[durable_objects.bindings]]  name = "SOCKETS"  class_name = "EdgelitSockets"
 * // [[migrations]]  tag = "v2"  new_sqlite_classes = ["EdgelitSockets"]
 */
export class EdgelitSockets extends DurableObject<Readonly<Record<string, unknown>>> {
  #peers = new WeakMap<HibernatableWebSocket, SocketPeer>();
  /** Each socket's handshake while the object stays awake; after hibernation, the attachment's. */
  #handshakes = new WeakMap<HibernatableWebSocket, Request>();

  /** Takes the upgrade the Worker handed on (its origin already checked). */
  override fetch(request: Request): Response {
    const { WebSocketPair } = globalThis as unknown as { WebSocketPair: new () => SocketPair };
    const [client, socket] = Object.values(new WebSocketPair()) as [unknown, HibernatableWebSocket];
    this.ctx.acceptWebSocket(socket);
    this.#handshakes.set(socket, request);
    const attachment: SocketAttachment = {
      remoteAddress: request.headers.get("cf-connecting-ip") ?? undefined,
      forwardedFor: request.headers.get("x-forwarded-for"),
      handshake: { url: request.url, headers: [...request.headers] },
    };
    // Headers too large to keep (big cookies) are read while the object is awake only.
    if (JSON.stringify(attachment).length > MAX_ATTACHMENT_CHARS) attachment.handshake = undefined;
    socket.serializeAttachment(attachment);
    return new Response(null, { status: 101, webSocket: client } as ResponseInit);
  }

  webSocketMessage(ws: HibernatableWebSocket, message: string | ArrayBuffer) {
    const text = typeof message === "string" ? message : new Uint8Array(message);
    // Returned, so the object stays awake until the run has saved.
    return this.#server().socketEvents.message(this.#peerOf(ws), text, this.env);
  }

  webSocketClose(ws: HibernatableWebSocket, code: number, reason: string) {
    this.#server().socketEvents.close(this.#peerOf(ws));
    try {
      ws.close(code, reason); // completes the closing handshake
    } catch {
      // already closed
    }
  }

  webSocketError(ws: HibernatableWebSocket) {
    this.#server().socketEvents.close(this.#peerOf(ws));
  }

  #server(): EdgelitServer {
    if (!serverFor)
      throw new Error(
        "EdgelitSockets: no Worker in this script was created with `sockets`; pass `sockets: (env) => env.SOCKETS` to createWorker.",
      );
    return serverFor(this.env);
  }

  #peerOf(ws: HibernatableWebSocket): SocketPeer {
    let peer = this.#peers.get(ws);
    if (!peer) {
      const attachment = (ws.deserializeAttachment() ?? {}) as Partial<SocketAttachment>;
      peer = {
        send: (text) => {
          try {
            ws.send(text);
          } catch {
            // The page has gone: its run stops at its next `st.*` call (see webSocketClose).
          }
        },
        close: (code, reason) => ws.close(code, reason),
        remoteAddress: attachment.remoteAddress,
        forwardedFor: attachment.forwardedFor ?? null,
        request:
          this.#handshakes.get(ws) ??
          (attachment.handshake &&
            new Request(attachment.handshake.url, { headers: attachment.handshake.headers })),
      };
      this.#peers.set(ws, peer);
    }
    return peer;
  }
}

/** workerd's `WebSocketPair`: two ends, keyed 0 and 1. */
interface SocketPair {
  0: unknown;
  1: HibernatableWebSocket;
}

/** A Durable Object namespace binding of {@link EdgelitSockets}, as `env.SOCKETS` holds it. */
export interface SocketNamespace {
  newUniqueId(): unknown;
  get(id: never): { fetch(request: Request): Promise<Response> };
}
