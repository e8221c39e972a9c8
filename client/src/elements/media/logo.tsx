import { Show } from "solid-js";
import type { ElementProps } from "../element-props.ts";

/**
 * The app's logo. The stylesheet lifts it to the top of the sidebar wherever
 * the app called it; a logo outside the sidebar sits in the page's top-left
 * corner, as Streamlit's does when there is no sidebar.
 */
export function Logo(props: ElementProps<"logo">) {
  const image = () => <img class="logo-image" src={props.el.src} alt="Logo" />;
  return (
    <Show when={props.el.link} fallback={image()}>
      {(link) => (
        <a class="logo-link" href={link()}>
          {image()}
        </a>
      )}
    </Show>
  );
}
