import { useClient } from "../../runtime/client-context.ts";
import { followInApp, pageUrl } from "../../runtime/location.ts";
import type { ElementProps } from "../element-props.ts";
import { Icon } from "../icon.tsx";

/** A link to a page of the app (switched in the page) or to another site (a new tab). */
export function PageLink(props: ElementProps<"pageLink">) {
  const client = useClient();
  const current = () => !props.el.external && pageUrl().split("?")[0] === props.el.href;
  return (
    <a
      class="page-link"
      classList={{ current: current(), disabled: props.el.disabled === true }}
      href={props.el.disabled ? undefined : props.el.href}
      aria-disabled={props.el.disabled ? "true" : undefined}
      aria-current={current() ? "page" : undefined}
      title={props.el.help}
      target={props.el.external ? "_blank" : undefined}
      rel={props.el.external ? "noopener noreferrer" : undefined}
      onClick={(event) =>
        !props.el.external &&
        !props.el.disabled &&
        followInApp(event, props.el.href, client.navigate)
      }
    >
      <Icon icon={props.el.icon} class="page-icon" />
      <span>{props.el.label}</span>
    </a>
  );
}
