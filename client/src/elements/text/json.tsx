import { For, Show } from "solid-js";
import type { JsonValue } from "../../../../src/protocol/index.ts";
import type { ElementProps } from "../element-props.ts";

/** A collapsible view of a JSON value; `expanded` opens every level. */
export function Json(props: ElementProps<"json">) {
  return (
    <div class="json">
      <JsonNode value={props.el.body} open={props.el.expanded} />
    </div>
  );
}

function JsonNode(props: { name?: string; value: JsonValue; open: boolean }) {
  const entries = (): [string, JsonValue][] | undefined => {
    const value = props.value;
    if (Array.isArray(value)) return value.map((item, index) => [String(index), item]);
    if (value !== null && typeof value === "object") return Object.entries(value);
    return undefined;
  };
  const key = () => (props.name === undefined ? "" : `${JSON.stringify(props.name)}: `);

  return (
    <Show
      when={entries()}
      fallback={
        <div class="json-leaf">
          <span class="json-key">{key()}</span>
          <span class={`json-${props.value === null ? "null" : typeof props.value}`}>
            {JSON.stringify(props.value)}
          </span>
        </div>
      }
    >
      {(children) => {
        const [open, close] = Array.isArray(props.value) ? ["[", "]"] : ["{", "}"];
        return (
          <details class="json-branch" open={props.open}>
            <summary>
              <span class="json-key">{key()}</span>
              {open}
              <span class="json-count">{` ${children().length} ${children().length === 1 ? "item" : "items"} `}</span>
              {close}
            </summary>
            <div class="json-children">
              <For each={children()}>
                {([name, value]) => (
                  <JsonNode
                    name={Array.isArray(props.value) ? undefined : name}
                    value={value}
                    open={props.open}
                  />
                )}
              </For>
            </div>
          </details>
        );
      }}
    </Show>
  );
}
