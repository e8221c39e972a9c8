import { createSignal } from "solid-js";
import { useClient } from "../../runtime/client-context.ts";
import type { ElementProps } from "../element-props.ts";

/**
 * The message box at the bottom of the page. Enter sends (Shift+Enter starts a
 * new line); a message is one event, `{ id, value: text }`, like a click that
 * carries text, and the box empties.
 */
export function ChatInput(props: ElementProps<"chatInput">) {
  const client = useClient();
  const [text, setText] = createSignal("");
  const send = () => {
    const message = text();
    if (!message.trim() || props.el.disabled) return;
    client.queue.trigger({ id: props.el.id, value: message });
    setText("");
  };
  return (
    <form
      class="chat-input"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <textarea
        class="field"
        rows={1}
        aria-label={props.el.label}
        placeholder={props.el.label}
        maxLength={props.el.maxChars}
        disabled={props.el.disabled}
        value={text()}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            send();
          }
        }}
      />
      <button
        type="submit"
        class="chat-send"
        aria-label="Send"
        disabled={props.el.disabled || !text().trim()}
      >
        ➤
      </button>
    </form>
  );
}
