import { For, Show } from "solid-js";
import type { Client } from "./runtime/create-client.ts";
import type { UnreachableReason } from "./transports/transport.ts";

const OFFLINE_TEXT: Record<UnreachableReason, string> = {
  server: "Cannot reach the server — retrying…",
  store: "The server cannot reach its session store — retrying…",
  "store-refused": "The session store refused the save (read-only or full) — retrying…",
};

/** The page's status: the running indicator, connection and error banners, and toasts. */
export function Notices(props: { client: Client }) {
  return (
    <>
      {/* Not a live region: announcing every rerun would drown a screen reader. */}
      <div class="running" classList={{ visible: props.client.tree.running }}>
        <Show when={props.client.tree.running}>
          <span class="spinner" aria-hidden="true" />
          Running…
        </Show>
      </div>
      <div class="banners">
        <Show when={props.client.offline()}>
          {(reason) => (
            <div class="banner offline" role="status">
              {OFFLINE_TEXT[reason()]}
            </div>
          )}
        </Show>
        <Show when={props.client.error()}>
          {(message) => (
            <div class="banner error" role="alert">
              <span>{message()}</span>
              <button
                type="button"
                class="dismiss"
                aria-label="Dismiss"
                onClick={() => props.client.dismissError()}
              >
                ×
              </button>
            </div>
          )}
        </Show>
      </div>
      <div class="toasts" role="status" aria-live="polite">
        <For each={props.client.toasts()}>{(toast) => <div class="toast">{toast.text}</div>}</For>
      </div>
    </>
  );
}
