import type { H3 } from "h3";
import { ROUTES, SSE_HEARTBEAT } from "../../src/protocol/index.ts";

/**
 * The dev server's reload channel: open pages listen on an SSE stream and
 * rerun when the app's source changes. Development only; in production
 * nothing holds a connection open.
 */
export function createDevReload() {
  const encoder = new TextEncoder();
  const listeners = new Set<ReadableStreamDefaultController<Uint8Array>>();
  const broadcast = (frame: string) => {
    for (const listener of listeners) {
      try {
        listener.enqueue(encoder.encode(frame));
      } catch {
        listeners.delete(listener);
      }
    }
  };
  const heartbeat = setInterval(() => broadcast(SSE_HEARTBEAT), 15_000);
  heartbeat.unref();

  return {
    /** Adds the reload stream route to the server. */
    install(h3: H3): void {
      h3.get(ROUTES.devEvents, () => {
        let self: ReadableStreamDefaultController<Uint8Array>;
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            self = controller;
            listeners.add(controller);
            controller.enqueue(encoder.encode(": connected\n\n"));
          },
          cancel() {
            listeners.delete(self);
          },
        });
        return new Response(stream, {
          headers: {
            "content-type": "text/event-stream",
            "cache-control": "no-cache, no-transform",
            "x-accel-buffering": "no",
          },
        });
      });
    },
    /** Tells every open page to rerun. */
    reload(): void {
      broadcast(`data: ${JSON.stringify({ type: "reload" })}\n\n`);
    },
    close(): void {
      clearInterval(heartbeat);
      for (const listener of listeners) listener.close();
      listeners.clear();
    },
  };
}
