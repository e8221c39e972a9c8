export * from "./elements.ts";
export * from "./data-editor.ts";
export * from "./components.ts";
export * from "./messages.ts";
export * from "./tree.ts";
export * from "./hash.ts";
export * from "./sse.ts";
export * from "./page-config.ts";
