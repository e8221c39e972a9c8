/**
 * Every element kind and the props it carries on the wire. This is the one
 * definition shared by the server (which emits elements) and the client
 * (which renders them); the client's renderer registry is typed against
 * `ElementKind`, so a kind without a component fails the type check.
 */

/** Props every widget carries. `id` is the widget id the client sends back. */
export interface WidgetProps {
  id: string;
  label: string;
  help?: string;
  disabled?: boolean;
}

export interface TextElements {
  heading: { level: 1 | 2 | 3; body: string; divider?: boolean };
  markdown: { body: string; allowHtml?: boolean };
  caption: { body: string; allowHtml?: boolean };
  text: { body: string };
  code: { body: string; language?: string; lineNumbers?: boolean };
  divider: Record<string, never>;
  json: { body: JsonValue; expanded: boolean };
  metric: {
    label: string;
    value: string;
    delta?: string;
    /** Whether the delta reads as good ("up"), bad ("down") or neutral. */
    deltaSign?: "up" | "down" | "none";
    deltaColor: "normal" | "inverse" | "off";
    help?: string;
    border?: boolean;
  };
}

export interface StatusElements {
  alert: { level: AlertLevel; body: string; icon?: string };
  exception: { name: string; message: string; stack?: string };
  /** A bar; `value` is a percentage, 0 to 100. */
  progress: { value: number; text?: string };
  /** Shown while a function runs; the run replaces it with `empty` when the function returns. */
  spinner: { text: string };
  /**
   * A message in the page's corner that hides itself. `nonce` differs in every
   * run, so a toast the next run shows again is sent (and shown) again.
   */
  toast: { body: string; icon?: string; nonce: string };
}

/** Draws nothing: an `st.empty()` placeholder, or what a finished spinner leaves behind. */
export interface PlaceholderElements {
  empty: Record<string, never>;
}

export type AlertLevel = "error" | "warning" | "info" | "success";

export interface InputElements {
  button: WidgetProps & { variant: "primary" | "secondary" | "tertiary"; fullWidth?: boolean };
  checkbox: WidgetProps & { value: boolean };
  toggle: WidgetProps & { value: boolean };
  slider: WidgetProps & {
    min: number;
    max: number;
    step: number;
    value: number | [number, number];
  };
  textInput: WidgetProps & {
    value: string;
    placeholder?: string;
    maxChars?: number;
    password?: boolean;
  };
  textArea: WidgetProps & {
    value: string;
    placeholder?: string;
    maxChars?: number;
    height?: number;
  };
  numberInput: WidgetProps & {
    value: number | null;
    min?: number;
    max?: number;
    step: number;
    placeholder?: string;
  };
  /** Selection widgets carry option labels; their wire value is an index. */
  selectbox: WidgetProps & { options: string[]; index: number | null; placeholder?: string };
  radio: WidgetProps & { options: string[]; index: number | null; horizontal?: boolean };
  multiselect: WidgetProps & {
    options: string[];
    indices: number[];
    maxSelections?: number;
    placeholder?: string;
  };
  /** A click downloads `src` as `fileName` and is sent as `true`, like a button. */
  downloadButton: WidgetProps & { src: MediaSource; fileName: string; mime: string; variant: "primary" | "secondary" | "tertiary" };
  /**
   * Files are posted to `/_edgelit/upload` first (see UPLOAD_* below); the wire value is then
   * the ids of the files the widget holds, in order (`[]` when the user removed them all).
   */
  fileUploader: WidgetProps & { accept?: string[]; multiple: boolean; maxBytes: number; files: UploadedFileRef[] };
  /** A photo from the browser's camera, uploaded like a file; the wire value is `[id]` or `[]`. */
  cameraInput: WidgetProps & { maxBytes: number; files: UploadedFileRef[] };
  /** A recording from the microphone, uploaded like a file; the wire value is `[id]` or `[]`. */
  audioInput: WidgetProps & { maxBytes: number; files: UploadedFileRef[] };
  /**
   * A message box pinned under the main area (the `bottom` root); `label` is its
   * placeholder text. A submission is sent as the text, and is the widget's
   * value for the one run it causes, like a button's click.
   */
  chatInput: WidgetProps & { maxChars?: number };
}

/**
 * A file the user gave a widget (uploaded, photographed, recorded), as the
 * page and the app's stored state know it. Its bytes stay in the store.
 */
export interface UploadedFileRef {
  id: string;
  name: string;
  size: number;
  type: string;
}

/** Where media bytes come from: `/_edgelit/media/<id>`, a data: URI for small ones, or an external URL. */
export type MediaSource = string;

export interface MediaElements {
  image: { items: { src: MediaSource; caption?: string }[]; width?: number };
  audio: { src: MediaSource; startTime?: number; endTime?: number; loop?: boolean; autoplay?: boolean };
  video: {
    src: MediaSource;
    startTime?: number;
    endTime?: number;
    loop?: boolean;
    autoplay?: boolean;
    muted?: boolean;
    subtitles?: { label: string; src: MediaSource }[];
  };
  pdf: { src: MediaSource; height: number };
  /** Shown at the top of the sidebar, whatever the call's position. */
  logo: { src: MediaSource; link?: string; iconSrc?: MediaSource };
}

/** A multipage app's menu and links to its pages (see src/app/pages). */
export interface PageElements {
  /**
   * The pages menu, drawn in the sidebar or across the top (or not at all:
   * `hidden` only sets the tab's title). Links switch pages in the page,
   * with one event and no page load.
   */
  navigation: {
    position: "sidebar" | "top" | "hidden";
    sections: { header?: string; pages: { title: string; icon?: string; href: string }[] }[];
    /** The href of the page this run shows. */
    current: string;
    /** The browser tab's title while this page shows. */
    title: string;
  };
  /** A link to a page of the app (switched in the page) or, when `external`, to another site (a new tab). */
  pageLink: { href: string; label: string; icon?: string; help?: string; disabled?: boolean; external?: boolean };
}

/** Blocks hold children; their own props never include the children. */
export interface BlockElements {
  columns: { widths: number[]; gap: "small" | "medium" | "large" };
  column: Record<string, never>;
  /** Tabs: one `tab` block per label, in order; switching tabs happens in the page only. */
  tabs: { labels: string[] };
  tab: Record<string, never>;
  container: { border?: boolean };
  expander: { label: string; expanded: boolean };
  /** A box that reports on a task: a spinner, check or cross by `state`, collapsible like an expander. */
  status: { label: string; state: "running" | "complete" | "error"; expanded: boolean };
  /** A chat bubble; the avatar is an emoji or text (default: by `name`). */
  chatMessage: { name: string; avatar?: string };
}

export type ElementPropsByKind = TextElements & StatusElements & PlaceholderElements & MediaElements & InputElements & BlockElements & PageElements;
export type ElementKind = keyof ElementPropsByKind;
export type BlockKind = keyof BlockElements;
export type WidgetKind = keyof InputElements;

/** One element as it travels: its kind and props, discriminated by kind. */
export type ElementOf<K extends ElementKind> = { kind: K; props: ElementPropsByKind[K] };
export type AnyElement = { [K in ElementKind]: ElementOf<K> }[ElementKind];

const BLOCK_KINDS: ReadonlySet<string> = new Set<BlockKind>(["columns", "column", "tabs", "tab", "container", "expander", "status", "chatMessage"]);

/** True for kinds that hold children (columns, expander, ...). */
export function isBlockKind(kind: string): kind is BlockKind {
  return BLOCK_KINDS.has(kind);
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
