import { createEffect, For, onCleanup, Show } from "solid-js";
import { useClient } from "../../runtime/client-context.ts";
import { readConfig } from "../../runtime/config.ts";
import { followInApp } from "../../runtime/location.ts";
import type { ElementProps } from "../element-props.ts";
import { Icon } from "../icon.tsx";

/**
 * A multipage app's menu: links to its pages, grouped by section, the current
 * one marked. It also titles the browser tab after the page, hidden or not.
 */
export function Navigation(props: ElementProps<"navigation">) {
  const client = useClient();
  const appTitle = readConfig().title;
  const pageTitle = () =>
    appTitle && appTitle !== props.el.title ? `${props.el.title} · ${appTitle}` : props.el.title;
  createEffect(() => (document.title = pageTitle()));
  // Another menu may already have titled the tab (a page reset redraws it): leave its title.
  onCleanup(() => document.title === pageTitle() && (document.title = appTitle ?? "edgelit"));
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
