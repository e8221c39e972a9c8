import { EventEmitter } from "node:events";
import type { Server, ServerPlugin } from "srvx";

/** The options of crossws's plugin for srvx. */
type WebSocketOptions = Parameters<typeof import("crossws/server").plugin>[0];

/**
 * crossws's WebSocket plugin for a Node server, loaded with the first upgrade request rather than
 * at start: pages use SSE first, and crossws (with the ws library it bundles) is about 5 MiB of a
 * fresh server's memory.
 *
 * @example
 * serve(h3, { plugins: [webSocketsOnDemand({ options: { node: { serverOptions: { maxPayload } } } })] });
 */
export function webSocketsOnDemand(options: WebSocketOptions): ServerPlugin {
  return (server) => {
    const originalServe = server.serve;
    server.serve = () => {
      let relay: Promise<EventEmitter> | undefined;
      server.node?.server?.on("upgrade", (request, socket, head) => {
        relay ??= loadWebSockets(server, options);
        relay.then(
          (loaded) => loaded.emit("upgrade", request, socket, head),
          () => socket.destroy(),
        );
      });
      return originalServe.call(server);
    };
  };
}

// --- Internal helpers ---

/**
 * crossws's own plugin, applied to a stand-in for `server` whose Node server is an emitter:
 * the plugin attaches its upgrade listener there, and upgrades are relayed to it.
 */
async function loadWebSockets(server: Server, options: WebSocketOptions): Promise<EventEmitter> {
  const { plugin } = await import("crossws/server");
  const relay = new EventEmitter();
  const standIn: Server = Object.create(server, {
    node: { value: { handler: server.node?.handler, server: relay } },
    serve: { value: () => undefined, writable: true },
  });
  plugin(options)(standIn);
  void standIn.serve();
  return relay;
}
