import type { Component, JSX } from "solid-js";
import type { ElementKind, ElementPropsByKind } from "../../../src/protocol/index.ts";

/** What every element component receives: its props as sent by the server, and a block's rendered children. */
export interface ElementProps<K extends ElementKind> {
  el: ElementPropsByKind[K];
  children?: JSX.Element;
}

export type ElementComponent<K extends ElementKind> = Component<ElementProps<K>>;
