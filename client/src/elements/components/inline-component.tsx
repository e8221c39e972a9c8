import { createEffect, createMemo, on, onCleanup, onMount } from "solid-js";
import type { JsonValue } from "../../../../src/protocol/index.ts";
import { useClient } from "../../runtime/client-context.ts";
import type { ElementProps } from "../element-props.ts";

/** What an inline component's module is called with. */
interface MountArgs {
  parentElement: HTMLElement;
  data: JsonValue;
  state: Record<string, JsonValue>;
  setStateValue(name: string, value: JsonValue): void;
  setTriggerValue(name: string, value: JsonValue): void;
}
type Mount = (args: MountArgs) => unknown;

/**
 * An inline component: its HTML and CSS in a shadow root, and its module
 * (imported from this app's own origin, as the page's policy allows) called
 * with them, and again whenever the app sends other data or state. It runs in the page:
 * it is the app's own trusted code. State values go to the server as the
 * widget's value (every state value at once); trigger values as its trigger
 * widget's `{ name, value }`.
 */
export function InlineComponent(props: ElementProps<"inlineComponent">) {
  const client = useClient();
  let host: HTMLDivElement | undefined;
  let parent: HTMLDivElement | undefined;
  let cleanup: unknown;
  // The state as the page knows it: the server's, then what the module set since.
  let pending: Record<string, JsonValue> | undefined;
  const state = () => ({ ...props.el.state, ...pending });
  // The server's state (new, or the same after a refusal) takes over once its run settles.
  const serverState = createMemo(() => JSON.stringify(props.el.state));
  createEffect(on([serverState, client.settled], () => (pending = undefined), { defer: true }));

  const setStateValue = (name: string, value: JsonValue) => {
    pending = { ...pending, [String(name)]: value ?? null };
    client.queue.change({ id: props.el.id, value: state() });
  };
  const setTriggerValue = (name: string, value: JsonValue) =>
    client.queue.change({
      id: props.el.triggerId,
      value: { name: String(name), value: value ?? null },
    });

  onMount(() => {
    const shadow = host!.attachShadow({ mode: "open" });
    if (props.el.css !== undefined) {
      const style = document.createElement("style");
      style.textContent = props.el.css;
      shadow.append(style);
    }
    parent = document.createElement("div");
    // The app's own HTML (trusted, as its module is); scripts in it do not run.
    parent.innerHTML = props.el.html ?? "";
    shadow.append(parent);
  });

  const dataJson = createMemo(() => JSON.stringify(props.el.data));
  const loaded = createMemo(() => (props.el.module ? loadModule(props.el.module) : undefined));
  createEffect(() => {
    const module = loaded();
    const data = JSON.parse(dataJson()) as JsonValue;
    const current = JSON.parse(serverState()) as Record<string, JsonValue>;
    if (!module || !parent) return;
    const target = parent;
    void module.then((mount) => {
      if (typeof cleanup === "function") cleanup();
      cleanup = mount({
        parentElement: target,
        data,
        state: current,
        setStateValue,
        setTriggerValue,
      });
    });
  });
  onCleanup(() => {
    if (typeof cleanup === "function") cleanup();
  });

  return (
    <div
      ref={host}
      class="inline-component"
      style={props.el.height === undefined ? undefined : { height: `${props.el.height}px` }}
    />
  );
}

async function loadModule(url: string): Promise<Mount> {
  const module = (await import(/* @vite-ignore */ url)) as { default?: unknown };
  if (typeof module.default !== "function")
    throw new Error(
      `edgelit: an inline component's module has no default export function (${url})`,
    );
  return module.default as Mount;
}
