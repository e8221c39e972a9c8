import { Show } from "solid-js";

const MATERIAL_ICON = /^:material\/([a-z0-9_]+):$/;

/**
 * An element's `icon` option: an emoji as it is, or `:material/name:` as a
 * Material Symbols Rounded icon (the font downloads only when one is shown).
 * Decorative: hidden from screen readers.
 */
export function Icon(props: { icon: string | undefined; class?: string }) {
  const material = () => MATERIAL_ICON.exec(props.icon ?? "")?.[1];
  return (
    <Show when={props.icon}>
      <span class={props.class} classList={{ "material-icon": material() !== undefined }} aria-hidden="true" translate="no">
        {material() ?? props.icon}
      </span>
    </Show>
  );
}
