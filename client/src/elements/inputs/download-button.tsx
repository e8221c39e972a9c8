import { useClient } from "../../runtime/client-context.ts";
import type { ElementProps } from "../element-props.ts";
import { Icon } from "../icon.tsx";
import { Help } from "./widget-label.tsx";

/**
 * A link styled as a button: a click downloads `src` as `fileName` and, like
 * a button click, reruns the app with `{ id, value: true }`.
 */
export function DownloadButton(props: ElementProps<"downloadButton">) {
  const client = useClient();
  const disabled = () => props.el.disabled === true;
  return (
    <div class="button-row">
      <a
        class={`button ${props.el.variant}`}
        classList={{ disabled: disabled() }}
        role="button"
        href={disabled() ? undefined : props.el.src}
        download={props.el.fileName}
        type={props.el.mime}
        // A browser ignores `download` for another origin's URL; open it aside rather than leave the app.
        target={isForeign(props.el.src) ? "_blank" : undefined}
        rel="noopener"
        aria-disabled={disabled() ? "true" : undefined}
        tabIndex={disabled() ? -1 : undefined}
        onClick={(event) => {
          if (disabled()) return event.preventDefault();
          client.queue.trigger({ id: props.el.id, value: true });
        }}
        onKeyDown={(event) => {
          // role="button" promises Space works too, which a link alone ignores.
          if (event.key !== " ") return;
          event.preventDefault();
          event.currentTarget.click();
        }}
      >
        <Icon icon={props.el.icon} class="button-icon" />
        {props.el.label}
      </a>
      <Help text={props.el.help} />
    </div>
  );
}

function isForeign(src: string): boolean {
  return /^https?:/i.test(src) && new URL(src).origin !== location.origin;
}
