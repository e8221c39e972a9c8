import { EdgelitApiError } from "../../errors/api-error.ts";
import type { JsonValue } from "../../protocol/index.ts";
import { stableJson } from "../../runner/widget-rules.ts";
import type { ElementTarget } from "../core/target.ts";
import { registerWidget } from "../core/widget-kind.ts";
import { declaredComponentKind } from "./component-value.ts";
import { storeDataframeArg } from "./dataframe-args.ts";
import type { DeclaredComponentCall } from "./declare-component.ts";

/**
 * Draws one call of a declared component into `target` and returns its value:
 * what its frontend last sent, or the call's `default`. JSON args travel in
 * the element; dataframe args are stored as media the page fetches.
 */
export function drawDeclaredComponent(target: ElementTarget, call: DeclaredComponentCall): unknown {
  const { name, src, args, dataframes, options } = call;
  const what = `component "${name}"`;
  const jsonArgs: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(args)) jsonArgs[key] = toJsonArg(what, key, value);
  const height = options.height;
  if (height !== undefined && !(Number.isFinite(height) && height >= 0))
    throw new EdgelitApiError(`${what}: height must be a number of pixels; got ${height}.`);
  const { id, value } = registerWidget(target, declaredComponentKind, {
    label: name,
    key: options.key,
    // As in Streamlit, the args name the component (a key keeps its value when they change).
    identity: [stableJson(jsonArgs), dataframes.map(([key]) => key)],
    settings: {},
    defaultValue: options.default ?? null,
    onChange: options.onChange,
  });
  const props = {
    id,
    label: name,
    src,
    args: jsonArgs,
    dataframes: [] as Awaited<ReturnType<typeof storeDataframeArg>>[],
    ...(height !== undefined && { height }),
    ...(options.disabled && { disabled: true }),
  };
  if (dataframes.length === 0) target.emit("component", props);
  else
    target.emitLater(
      "component",
      Promise.all(
        dataframes.map(([key, encoded]) => storeDataframeArg(target.run, key, encoded)),
      ).then((dataframes) => Object.assign(props, { dataframes })),
    );
  return value;
}

function toJsonArg(what: string, key: string, value: unknown): JsonValue {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new EdgelitApiError(`${what}: arg "${key}" is not JSON: ${(error as Error).message}`);
  }
  if (json === undefined)
    throw new EdgelitApiError(`${what}: arg "${key}" is not JSON (${typeof value}).`);
  return JSON.parse(json) as JsonValue;
}
