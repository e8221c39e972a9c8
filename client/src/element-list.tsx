import { For, Show, type Component } from "solid-js";
import type { TreeNode } from "../../src/protocol/index.ts";
import type { ElementProps } from "./elements/element-props.ts";
import { registry } from "./registry.ts";
import { useClient } from "./runtime/client-context.ts";

/** Renders a list of tree nodes, and each block's children, recursively. */
export function ElementList(props: { nodes: TreeNode[] }) {
  return <For each={props.nodes}>{(node) => <ElementView node={node} />}</For>;
}

function ElementView(props: { node: TreeNode }) {
  // A node keeps its kind for life (the tree replaces a node whose kind changes),
  // so the component is chosen once. The tree stores props untyped; the
  // server sent them for this kind.
  const Element = registry[props.node.kind] as Component<ElementProps<TreeNode["kind"]>>;
  const client = useClient();
  // While the user switches pages, the old page takes no input; its menu still does.
  const waiting = () =>
    client.switchingPage() && props.node.stale === true && props.node.kind !== "navigation";
  return (
    <div
      class={`element el-${props.node.kind}`}
      classList={{ stale: props.node.stale === true }}
      inert={waiting()}
    >
      <Element el={props.node.props as ElementProps<TreeNode["kind"]>["el"]}>
        <Show when={props.node.children}>{(children) => <ElementList nodes={children()} />}</Show>
      </Element>
    </div>
  );
}
