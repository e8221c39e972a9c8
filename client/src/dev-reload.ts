import { ROUTES } from "../../src/protocol/index.ts";

const REOPEN_MS = 1000;

/**
 * In dev, the server tells the page when the app's code changed; the page
 * then reruns. A server restart drops the stream: once it is back, rerun too,
 * since the code has likely changed.
 *
 * @example
 * if (config.dev) watchDevReload(() => client.queue.rerun());
 */
export function watchDevReload(rerun: () => void): void {
  let lost = false;
  const open = () => {
    const source = new EventSource(ROUTES.devEvents);
    source.onopen = () => {
      if (lost) rerun();
      lost = false;
    };
    source.onmessage = (event: MessageEvent<string>) => {
      try {
        if ((JSON.parse(event.data) as { type?: unknown }).type === "reload") rerun();
      } catch {
        // Not a message for us.
      }
    };
    source.onerror = () => {
      lost = true;
      // The browser reconnects by itself unless the answer was an HTTP error; then we must.
      if (source.readyState === EventSource.CLOSED) setTimeout(open, REOPEN_MS);
    };
  };
  open();
}
