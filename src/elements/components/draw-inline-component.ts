import { EdgelitApiError } from "../../errors/api-error.ts";
import {
  COMPONENT_MODULE_TYPE,
  ROUTES,
  type InlineComponentProps,
  type JsonValue,
} from "../../protocol/index.ts";
import type { ElementTarget } from "../core/target.ts";
import { registerWidget } from "../core/widget-kind.ts";
import type { InlineComponentCall, InlineComponentResult } from "./inline-component.ts";
import { componentTriggerKind, inlineComponentKind } from "./inline-values.ts";

/**
 * Draws one call of an inline component: its state widget (the element the
 * page mounts) and its trigger widget (drawn after it, showing nothing). The
 * module is stored as media of a type only the module route serves.
 */
export function drawInlineComponent(
  target: ElementTarget,
  call: InlineComponentCall,
): InlineComponentResult {
  const { name, options } = call;
  const what = `component "${name}"`;
  const data = toJson(what, "data", options.data ?? null);
  const defaults = toJson(what, "default", options.default ?? {});
  if (defaults === null || typeof defaults !== "object" || Array.isArray(defaults))
    throw new EdgelitApiError(`${what}: default is an object of state values by name.`);
  const height = options.height;
  if (height !== undefined && !(Number.isFinite(height) && height >= 0))
    throw new EdgelitApiError(`${what}: height must be a number of pixels; got ${height}.`);
  const state = registerWidget(target, inlineComponentKind, {
    label: name,
    key: options.key,
    identity: [],
    settings: {},
    defaultValue: defaults as Record<string, JsonValue>,
    onChange: options.onChange,
  });
  const trigger = registerWidget(target, componentTriggerKind, {
    label: `${name} trigger`,
    key: undefined,
    // Named after its state widget: each component has its own.
    identity: [state.id],
    settings: {},
    defaultValue: null as { name: string; value: unknown } | null,
    onChange: options.onChange,
  });
  const props: InlineComponentProps = {
    id: state.id,
    label: name,
    data,
    state: state.shown,
    triggerId: trigger.id,
  };
  if (call.html !== undefined) props.html = call.html;
  if (call.css !== undefined) props.css = call.css;
  if (height !== undefined) props.height = height;
  if (call.js === undefined) target.emit("inlineComponent", props);
  else
    target.emitLater(
      "inlineComponent",
      target.run
        .storeMedia(call.js, COMPONENT_MODULE_TYPE, true)
        .then((id) => Object.assign(props, { module: `${ROUTES.componentModule}${id}` })),
    );
  target.emit("componentTrigger", { id: trigger.id, label: `${name} trigger` });
  const result: InlineComponentResult = Object.assign({}, defaults, state.value);
  if (trigger.value) result[trigger.value.name] = trigger.value.value;
  return result;
}

function toJson(what: string, part: string, value: unknown): JsonValue {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new EdgelitApiError(`${what}: ${part} is not JSON: ${(error as Error).message}`);
  }
  if (json === undefined) throw new EdgelitApiError(`${what}: ${part} is not JSON.`);
  return JSON.parse(json) as JsonValue;
}
