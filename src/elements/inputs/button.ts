import {
  defineWidget,
  describe,
  ok,
  refuse,
  registerWidget,
  type WidgetCodec,
} from "../core/widget-kind.ts";
import { TARGET, type Drawable, type ElementTarget } from "../core/target.ts";
import { checkIcon } from "../icons/icon-option.ts";
import { baseProps, type WidgetOptions } from "./common.ts";

/** Options of `button`. */
export interface ButtonOptions extends Omit<WidgetOptions, "onChange" | "labelVisibility"> {
  /** Called when the button is clicked, before the app reruns. */
  onClick?: () => unknown;
  /** Same as `onClick`, for symmetry with the other widgets. */
  onChange?: () => unknown;
  type?: "primary" | "secondary" | "tertiary";
  /** One emoji, or a Material icon as ":material/icon_name:", before the label. */
  icon?: string;
  /** Stretch the button to the width of its container. */
  useContainerWidth?: boolean;
}

/** The `st.button` method; part of `inputMethods`. */
export const buttonMethods = {
  /**
   * A button; true for exactly the one run its click causes.
   * @example if (st.button("Add one", { icon: ":material/add:" })) st.session.count++;
   */
  button(this: Drawable, label: string, options?: ButtonOptions): boolean {
    return button(this[TARGET], buttonKind, label, options);
  },
};

/**
 * Draws a button and returns whether its click caused this run. A form's submit
 * button is the same widget under its own kind (see `formSubmitButton`).
 */
export function button(
  target: ElementTarget,
  definition: typeof buttonKind | typeof formSubmitButtonKind,
  label: string,
  options: ButtonOptions = {},
): boolean {
  const kind = definition.kind;
  const variant = options.type ?? "secondary";
  const icon = checkIcon(`st.${kind}`, options.icon);
  const { id, value } = registerWidget(target, definition, {
    label,
    key: options.key,
    // As in Streamlit, the icon is part of the identity (added only when set, so older ids stay).
    identity: [variant, ...(icon === undefined ? [] : [icon])],
    settings: {},
    defaultValue: false,
    onChange: options.onClick ?? options.onChange,
  });
  target.emit(
    kind,
    baseProps(id, label, options, {
      variant,
      ...(icon !== undefined && { icon }),
      ...(options.useContainerWidth && { fullWidth: true }),
    }),
  );
  return value;
}

// --- The kinds ---

/** A click: sent as `true`. */
export const clickCodec: WidgetCodec = {
  fromClient: (raw) =>
    raw === true ? ok(true) : refuse(`a button click is sent as true, got ${describe(raw)}`),
  check: () => undefined,
};

/** The button kind: true for exactly the run its click causes; forms cannot hold it. */
export const buttonKind = defineWidget("button", {
  codec: clickCodec,
  trigger: { idleValue: false },
  notInForms: "Use `form.formSubmitButton()` instead.",
});
/** The form submit button kind: a button that sends its form. */
export const formSubmitButtonKind = defineWidget("formSubmitButton", {
  codec: clickCodec,
  trigger: { idleValue: false },
});
