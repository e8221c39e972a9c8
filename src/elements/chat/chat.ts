import type { Container } from "../../app/container.ts";
import { TARGET, type Drawable } from "../../app/target.ts";
import { ROOTS } from "../../protocol/index.ts";
import { checkIcon, looksLikeMaterialIcon } from "../icon-option.ts";
import { baseProps } from "../inputs/common.ts";

/** Options of `chatMessage`. */
export interface ChatMessageOptions {
  /** An emoji, a short text or a Material icon (":material/smart_toy:"); default: 🧑 for "user", 🤖 for "assistant", else the name's initial. */
  avatar?: string;
}

/** Options of `chatInput`. */
export interface ChatInputOptions {
  /** A unique name; `st.session[key]` holds the message in the run it causes. */
  key?: string;
  /** The longest message accepted, in characters. */
  maxChars?: number;
  /** Grey the box out; nothing can be sent. */
  disabled?: boolean;
  /** Called when a message is sent, before the app reruns. */
  onSubmit?: () => unknown;
}

/** Chat: message bubbles and the message box. */
export const chatMethods = {
  /**
   * A chat bubble with an avatar: a container with the whole element API.
   * @example st.chatMessage("assistant", { avatar: ":material/smart_toy:" }).markdown("Hello! How can I help?")
   */
  chatMessage(this: Drawable, name: "user" | "assistant" | (string & {}), options: ChatMessageOptions = {}): Container {
    const target = this[TARGET];
    const avatar = options.avatar === undefined ? undefined : String(options.avatar);
    // Any text may be an avatar, but one written as a Material icon must name a real one.
    if (avatar !== undefined && looksLikeMaterialIcon(avatar)) checkIcon("st.chatMessage", avatar);
    return target.open(target.emit("chatMessage", { name: String(name), ...(avatar !== undefined && { avatar }) }));
  },
  /**
   * A message box pinned to the bottom of the page, wherever it is called.
   * Returns the message the user sent for exactly the one run the sending
   * causes, else null.
   *
   * @example
   * const prompt = st.chatInput("Say something");
   * if (prompt) st.chatMessage("user").write(prompt);
   */
  chatInput(this: Drawable, placeholder = "Your message", options: ChatInputOptions = {}): string | null {
    const calledAt = this[TARGET].path;
    // Wherever it is called, the chat input belongs to the bottom of the page.
    const target = this[TARGET].open([ROOTS.bottom])[TARGET];
    const label = String(placeholder);
    const { id, value } = target.run.widget<string | null>({
      kind: "chatInput",
      label,
      key: options.key,
      identity: [options.maxChars],
      spec: options.maxChars === undefined ? {} : { maxChars: options.maxChars },
      defaultValue: null,
      onChange: options.onSubmit,
      at: calledAt,
    });
    target.emit("chatInput", baseProps(id, label, options, { ...(options.maxChars !== undefined && { maxChars: options.maxChars }) }));
    return value;
  },
};
