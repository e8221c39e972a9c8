import { Show } from "solid-js";

const MATERIAL_ICON = /^:material\/([a-z0-9_]+):$/;

/**
 * A block's icon: an emoji as it is; a Material icon (":material/name:") as
 * its name in a `material-icon` span, the text a Material Symbols font turns
 * into the glyph (no such font is loaded yet, so the name shows as text).
 */
export function Icon(props: { icon: string | undefined }) {
  return (
    <Show when={props.icon}>
      {(icon) => {
        const material = () => MATERIAL_ICON.exec(icon())?.[1];
        return (
          <span class="block-icon" classList={{ "material-icon": material() !== undefined }} data-icon={icon()} aria-hidden="true">
            {material() ?? icon()}
          </span>
        );
      }}
    </Show>
  );
}
