import type { ElementProps } from "../element-props.ts";
import { Icon } from "../icon.tsx";

const DEFAULT_AVATARS: Record<string, string> = {
  user: "🧑",
  assistant: "🤖",
  ai: "🤖",
  human: "🧑",
};

/** A chat bubble: an avatar (the app's, else one for the role, else the name's initial) and its elements. */
export function ChatMessage(props: ElementProps<"chatMessage">) {
  const avatar = () =>
    props.el.avatar ??
    DEFAULT_AVATARS[props.el.name.toLowerCase()] ??
    (props.el.name.trim()[0] ?? "?").toUpperCase();
  return (
    <div
      class={`chat-message from-${props.el.name.toLowerCase().replace(/[^a-z0-9-]/g, "")}`}
      role="group"
      aria-label={props.el.name}
    >
      <div class="chat-avatar" aria-hidden="true">
        <Icon icon={avatar()} />
      </div>
      <div class="stack chat-content">{props.children}</div>
    </div>
  );
}
