import { defineWebSocketHandler } from "h3";
import { isSameOrigin } from "./read-event.ts";
import type { SocketEvents, SocketPeer } from "./socket-events.ts";

/** What the socket route holds of a crossws peer. */
interface CrosswsPeer {
  send(text: string): unknown;
  close(code?: number, reason?: string): void;
  readonly remoteAddress?: string;
  readonly request: Request | { headers: Headers };
}

/**
 * `GET /_edgelit/ws`: the WebSocket transport, for networks whose proxies
 * buffer streamed answers, on a runtime whose sockets crossws holds (Node).
 * Every message is one whole event (session id and all), so the server keeps
 * nothing per socket but the run in progress; see `createSocketEvents`.
 */
export function socketRoute(events: SocketEvents) {
  const peers = new WeakMap<object, SocketPeer>();
  const peerOf = (peer: CrosswsPeer): SocketPeer => {
    let known = peers.get(peer);
    if (!known) {
      known = {
        send: (text) => void peer.send(text),
        close: (code, reason) => peer.close(code, reason),
        remoteAddress: peer.remoteAddress,
        forwardedFor: peer.request.headers.get("x-forwarded-for"),
        request: peer.request as Request,
      };
      peers.set(peer, known);
    }
    return known;
  };
  return defineWebSocketHandler({
    upgrade: (request) => refuseOtherOrigins(request),
    message: (peer, message) => void events.message(peerOf(peer), message.uint8Array()),
    close: (peer) => events.close(peerOf(peer)),
  });
}

/**
 * `GET /_edgelit/ws` on a runtime that holds its sockets elsewhere (a
 * Cloudflare Durable Object): checks the origin, then hands the upgrade on.
 */
export function handedOffSocketRoute(accept: (request: Request) => Promise<Response>) {
  return (request: Request): Promise<Response> | Response => {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket")
      return new Response("This route only accepts WebSocket upgrades.", {
        status: 426,
        headers: { upgrade: "websocket" },
      });
    return refuseOtherOrigins(request) ?? accept(request);
  };
}

/**
 * `GET /_edgelit/ws` on a server whose transports leave the WebSocket out:
 * 426 with a sentence, so a client that tries anyway learns to use HTTP.
 */
export function socketNotOffered(): Response {
  // Where crossws holds the sockets (Node), it answers an upgrade with what the hook returns.
  return Object.assign(notOffered(), { crossws: { upgrade: notOffered } });
}

// --- Internal helpers ---

function notOffered(): Response {
  return new Response(
    "This server does not offer the WebSocket transport: send events over HTTP (POST /_edgelit/event).",
    { status: 426, headers: { "content-type": "text/plain; charset=utf-8" } },
  );
}

// A WebSocket cannot carry the page's own header, so the browser-set Origin is what keeps other sites out.
function refuseOtherOrigins(request: Request): Response | undefined {
  const origin = request.headers.get("origin");
  if (!origin || !isSameOrigin(origin, request)) {
    return new Response("WebSocket connections are only accepted from this server's own pages.", {
      status: 403,
    });
  }
  return undefined;
}
