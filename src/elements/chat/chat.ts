import { defineWidget, ok, refuse, registerWidget, type WidgetCodec } from "../core/widget-kind.ts";
import { textCheck, type TextSettings } from "../inputs/text-input.ts";
import type { Container } from "../core/handle.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import { ROOTS } from "../../protocol/index.ts";
import { checkIcon, looksLikeMaterialIcon } from "../icons/icon-option.ts";
import { baseProps } from "../inputs/common.ts";
import { openContainer } from "../core/handle.ts";

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
  chatMessage(
    this: Drawable,
    name: "user" | "assistant" | (string & {}),
    options: ChatMessageOptions = {},
  ): Container {
    const target = this[TARGET];
    const avatar = options.avatar === undefined ? undefined : String(options.avatar);
    // Any text may be an avatar, but one written as a Material icon must name a real one.
    if (avatar !== undefined && looksLikeMaterialIcon(avatar)) checkIcon("st.chatMessage", avatar);
    return openContainer(
      target.block(
        target.emit("chatMessage", { name: String(name), ...(avatar !== undefined && { avatar }) }),
      ),
    );
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
  chatInput(
    this: Drawable,
    placeholder = "Your message",
    options: ChatInputOptions = {},
  ): string | null {
    // Registered where it is called (a form there refuses it), drawn at the bottom of the page.
    const calledAt = this[TARGET];
    const target = calledAt.block([ROOTS.bottom]);
    const label = String(placeholder);
    const { id, value } = registerWidget(calledAt, chatInputKind, {
      label,
      key: options.key,
      identity: [options.maxChars],
      settings: options.maxChars === undefined ? {} : { maxChars: options.maxChars },
      defaultValue: null as string | null,
      onChange: options.onSubmit,
    });
    target.emit(
      "chatInput",
      baseProps(id, label, options, {
        ...(options.maxChars !== undefined && { maxChars: options.maxChars }),
      }),
    );
    return value;
  },
};

// --- The kind ---

/** A chat message: text, not empty, within `maxChars`. Between submissions the widget holds null. */
const chatInputCodec: WidgetCodec<TextSettings> = {
  fromClient(raw, settings) {
    if (raw === "") return refuse("a chat message cannot be empty");
    const reason = textCheck(raw, settings);
    return reason === undefined ? ok(raw) : refuse(reason);
  },
  check: (value, settings) => (value === null ? undefined : textCheck(value, settings)),
};

/** The chat input kind: a message holds for the one run it causes; forms cannot hold it. */
export const chatInputKind = defineWidget("chatInput", {
  codec: chatInputCodec,
  trigger: { idleValue: null },
  notInForms: "Put it outside the form.",
});
