import type { ElementProps } from "../element-props.ts";

/** A group of elements; with a `height` it scrolls, with a `key` it carries the class `st-key-<key>`. */
export function Container(props: ElementProps<"container">) {
  return (
    <div
      classList={{
        stack: true,
        bordered: props.el.border === true,
        scrolling: props.el.height !== undefined,
        ...(props.el.key !== undefined && { [`st-key-${cssClassName(props.el.key)}`]: true }),
      }}
      style={props.el.height === undefined ? undefined : { height: `${props.el.height}px` }}
    >
      {props.children}
    </div>
  );
}

/** A key as a class name: anything but letters, digits, `-` and `_` becomes `-` (as Streamlit does). */
function cssClassName(key: string): string {
  return key.replace(/[^a-zA-Z0-9_-]/g, "-");
}
