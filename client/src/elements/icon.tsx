import { Show } from "solid-js";

const MATERIAL_ICON = /^:material\/([a-z0-9_]+):$/;

/**
 * An element's icon, drawn one way everywhere (badges, alerts, toasts,
 * buttons, links, expanders, popovers, page menus, chat avatars): an emoji
 * or text as it is, and `:material/name:` as the markdown path draws it, a
 * `material-icon` span whose ligature the Material Symbols Rounded font turns
 * into the glyph (the font downloads only once such an icon is on the page).
 * Decorative: hidden from screen readers, and never translated.
 *
 * @example <Icon icon={props.el.icon} class="button-icon" />
 */
export function Icon(props: { icon: string | undefined; class?: string }) {
  const material = () => MATERIAL_ICON.exec(props.icon ?? "")?.[1];
  return (
    <Show when={props.icon}>
      <span
        class={["icon", props.class, material() !== undefined && "material-icon"]
          .filter(Boolean)
          .join(" ")}
        data-icon={props.icon}
        aria-hidden="true"
        translate="no"
      >
        {material() ?? props.icon}
      </span>
    </Show>
  );
}
