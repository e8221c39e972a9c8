import { COMPONENT_VALUE_MAX_BYTES } from "../../protocol/index.ts";
import { stableJson } from "../../runner/widget-rules.ts";
import { checkedCodec, defineWidget, describe } from "../core/widget-kind.ts";

/** Why a JSON value is too large for a component, or undefined. */
function sizeProblem(value: unknown): string | undefined {
  const size = stableJson(value).length;
  return size > COMPONENT_VALUE_MAX_BYTES
    ? `a component's value may hold ${COMPONENT_VALUE_MAX_BYTES} bytes of JSON; this one holds ${size}`
    : undefined;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;

/** An inline component's state values: an object of JSON values by name. */
function stateProblem(value: unknown): string | undefined {
  if (!isPlainObject(value))
    return `an inline component's state is an object of values by name; got ${describe(value)}`;
  return sizeProblem(value);
}

/** A trigger value as the page sends it: `{ name, value }`. */
function triggerProblem(value: unknown): string | undefined {
  if (!isPlainObject(value) || typeof value.name !== "string" || !("value" in value))
    return `a trigger value is sent as { name, value }; got ${describe(value)}`;
  return sizeProblem(value);
}

/** The kind of inline components: its value is the state values its module set, kept in the session. */
export const inlineComponentKind = defineWidget("inlineComponent", {
  codec: checkedCodec(stateProblem),
  notInForms: "A component sends its values at once: put it outside the form.",
});

/** The trigger half of an inline component: a `{ name, value }` that lasts the one run it causes. */
export const componentTriggerKind = defineWidget("componentTrigger", {
  codec: checkedCodec((value) => (value === null ? undefined : triggerProblem(value))),
  trigger: { idleValue: null },
});
