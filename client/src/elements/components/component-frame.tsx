import { createEffect, createResource, createSignal, onCleanup } from "solid-js";
import { ROUTES, type ComponentDataframeArg } from "../../../../src/protocol/index.ts";
import { useClient } from "../../runtime/client-context.ts";
import type { ElementProps } from "../element-props.ts";
import { readFrameMessage } from "./component-messages.ts";
import { currentTheme } from "./component-theme.ts";

/** A dataframe argument as the render message carries it: its three Arrow IPC streams. */
interface RenderedDataframe {
  key: string;
  value: { data: { data: Uint8Array; index: Uint8Array; columns: Uint8Array } };
}

/**
 * A declared component: its frontend in a sandboxed frame (an opaque origin,
 * so its scripts cannot read the page, its session id or its storage) that
 * speaks Streamlit's component protocol. Only messages from this frame's own
 * window are read; the value it sends goes to the server as the widget's, to
 * be checked there.
 */
export function ComponentFrame(props: ElementProps<"component">) {
  const client = useClient();
  let frame: HTMLIFrameElement | undefined;
  const [height, setHeight] = createSignal(props.el.height ?? 0);
  // How many times the frame said it is ready (a reload of its document says so again).
  const [ready, setReady] = createSignal(0);
  const [dataframes] = createResource(() => props.el.dataframes, fetchDataframes);
  const otherSite = () => new URL(props.el.src, location.href).origin !== location.origin;

  const onMessage = (event: MessageEvent) => {
    if (!frame || event.source !== frame.contentWindow) return;
    const message = readFrameMessage(event.data);
    if (message?.type === "ready") setReady((count) => count + 1);
    else if (message?.type === "height") setHeight(message.height);
    else if (message?.type === "value" && !props.el.disabled)
      client.queue.change({ id: props.el.id, value: message.value });
  };
  window.addEventListener("message", onMessage);
  onCleanup(() => window.removeEventListener("message", onMessage));

  // Sent when the frame is ready, and again whenever the app sends new args.
  createEffect(() => {
    const dfs = dataframes();
    if (ready() === 0 || dfs === undefined) return;
    frame?.contentWindow?.postMessage(
      {
        type: "streamlit:render",
        // Props are the page's store proxies, which cannot be cloned into a message: send plain JSON.
        args: JSON.parse(JSON.stringify(props.el.args)) as unknown,
        dfs,
        disabled: props.el.disabled === true,
        theme: currentTheme(),
      },
      // The frame's origin is opaque ("null"): no origin names it, so none is checked here.
      "*",
    );
  });

  return (
    <div class="frame component-frame">
      <iframe
        ref={frame}
        src={props.el.src}
        title={props.el.label}
        sandbox={`allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads${otherSite() ? " allow-same-origin" : ""}`}
        style={{ height: `${height()}px` }}
      />
    </div>
  );
}

async function fetchDataframes(args: ComponentDataframeArg[]): Promise<RenderedDataframe[]> {
  const bytesOf = async (id: string) => {
    const response = await fetch(`${ROUTES.media}${id}`);
    if (!response.ok) throw new Error(`a component's dataframe is gone (${response.status})`);
    return new Uint8Array(await response.arrayBuffer());
  };
  return Promise.all(
    args.map(async (arg) => {
      const [data, index, columns] = await Promise.all([
        bytesOf(arg.data),
        bytesOf(arg.index),
        bytesOf(arg.columns),
      ]);
      return { key: arg.key, value: { data: { data, index, columns } } };
    }),
  );
}
