import { For, onCleanup, Show } from "solid-js";
import { useClient } from "../../runtime/client-context.ts";
import { showLayer } from "../../page-config/page-config.ts";
import { followInApp } from "../../runtime/location.ts";
import type { ElementProps } from "../element-props.ts";
import { Icon } from "../icon.tsx";

/**
 * A multipage app's menu: links to its pages, grouped by section, the current
 * one marked. Hidden or not, it puts the shown page's title, icon, layout and
 * sidebar state in force (see page-config/page-config.ts).
 */
export function Navigation(props: ElementProps<"navigation">) {
  const client = useClient();
  // The shown page's title, icon, layout and sidebar state, read from the props as they change.
  onCleanup(showLayer("page", () => props.el));
  return (
    <Show when={props.el.position !== "hidden"}>
      <nav class={`page-nav page-nav-${props.el.position}`} aria-label="Pages">
        <For each={props.el.sections}>
          {(section) => (
            <div class="page-nav-section">
              <Show when={section.header}>
                <div class="page-nav-header">{section.header}</div>
              </Show>
              <ul>
                <For each={section.pages}>
                  {(page) => (
                    <li>
                      <a
                        class="page-nav-link"
                        href={page.href}
                        aria-current={page.href === props.el.current ? "page" : undefined}
                        onClick={(event) => followInApp(event, page.href, client.navigate)}
                      >
                        <Icon icon={page.icon} class="page-icon" />
                        {page.title}
                      </a>
                    </li>
                  )}
                </For>
              </ul>
            </div>
          )}
        </For>
      </nav>
    </Show>
  );
}
