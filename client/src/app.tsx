import { createMemo, Show } from "solid-js";
import { ROOTS } from "../../src/protocol/index.ts";
import { ClientContext } from "./runtime/client-context.ts";
import type { Client } from "./runtime/create-client.ts";
import { ElementList } from "./element-list.tsx";
import { Notices } from "./notices.tsx";
import { Sidebar } from "./page-config/sidebar.tsx";

/** The page: a (collapsible) sidebar when the app put anything in it, the main column with its pinned bottom, and status notices. */
export function App(props: { client: Client }) {
  const root = (index: number) => props.client.tree.roots[index] ?? [];
  // `st.bottom`'s elements in order, then the chat input, wherever the app called it (as in Streamlit).
  const bottom = createMemo(() => {
    const nodes = root(ROOTS.bottom);
    return [
      ...nodes.filter((node) => node.kind !== "chatInput"),
      ...nodes.filter((node) => node.kind === "chatInput"),
    ];
  });
  return (
    <ClientContext.Provider value={props.client}>
      <div class="app">
        <Show when={root(ROOTS.sidebar).length > 0}>
          <Sidebar>
            <div class="stack">
              <ElementList nodes={root(ROOTS.sidebar)} />
            </div>
          </Sidebar>
        </Show>
        <main class="main" aria-busy={props.client.tree.running}>
          <div class="stack">
            <ElementList nodes={root(ROOTS.main)} />
          </div>
          {/* Pinned under the main column: st.bottom and the chat input. */}
          <Show when={bottom().length > 0}>
            <div class="bottom">
              <div class="stack">
                <ElementList nodes={bottom()} />
              </div>
            </div>
          </Show>
        </main>
      </div>
      <Notices client={props.client} />
    </ClientContext.Provider>
  );
}
