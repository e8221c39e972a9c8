import type { PageConfigLayer, PageLayout, SidebarState } from "./page-config.ts";
import type { DataEditorProps } from "./data-editor.ts";
import type { ChartLibraryElements, SelectableChartElements } from "./rich-charts.ts";
import type { ComponentElements } from "./components.ts";

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
  /** Omitted when visible. "hidden" keeps the label's space, "collapsed" removes it; either way it still names the widget. */
  labelVisibility?: "hidden" | "collapsed";
}

/** The colours of badges and of markdown's `:color[text]` directives (Streamlit 1.44). */
export type BadgeColor = "blue" | "green" | "orange" | "red" | "violet" | "gray" | "primary";

export interface TextElements {
  heading: { level: 1 | 2 | 3; body: string; divider?: boolean; help?: string };
  /** Raw HTML in `body` is shown as text unless `allowHtml`; then the client sanitizes it. */
  markdown: { body: string; allowHtml?: boolean; help?: string };
  caption: { body: string; allowHtml?: boolean; help?: string };
  text: { body: string; help?: string };
  /** `height` in pixels: the block scrolls past it. */
  code: {
    body: string;
    language?: string;
    lineNumbers?: boolean;
    wrapLines?: boolean;
    height?: number;
  };
  /** A TeX formula, drawn by KaTeX in display mode. */
  latex: { body: string; help?: string };
  /** HTML the client sanitizes (no script, event handlers or javascript: URLs) before showing it. */
  html: { body: string };
  /** A small coloured pill; `label` is inline markdown, `icon` an emoji or `:material/name:`. */
  badge: { label: string; icon?: string; color: BadgeColor };
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
  /** `name` is absent when the server hides an error's type (showErrorDetails "none"). */
  exception: { name?: string; message: string; stack?: string };
  /** A bar; `value` is a percentage, 0 to 100. */
  progress: { value: number; text?: string };
  /** Shown while a function runs; the run replaces it with `empty` when the function returns. */
  spinner: { text: string };
  /**
   * A message in the page's corner that hides itself. `nonce` differs in every
   * run, so a toast the next run shows again is sent (and shown) again.
   */
  toast: { body: string; icon?: string; nonce: string };
  /** Balloons rise over the page, once per `nonce` (one per run that calls it, as for toasts). */
  balloons: { nonce: string };
  /** Snowflakes fall over the page, once per `nonce`. */
  snow: { nonce: string };
}

/** Draws nothing: an `st.empty()` placeholder, or what a finished spinner leaves behind. */
export interface PlaceholderElements {
  empty: Record<string, never>;
}

export type AlertLevel = "error" | "warning" | "info" | "success";

export interface InputElements extends SelectableChartElements, ComponentElements {
  /** A grid of data; a widget only when the app lets the user select (see DataframeProps). */
  dataframe: DataframeProps;
  /** An editable grid: its value is the edit diff (see src/protocol/data-editor.ts). */
  dataEditor: DataEditorProps;
  /** A Vega-Lite chart (the simple charts too); a widget only when the app lets the user select. */
  vegaLiteChart: VegaLiteChartProps;
  button: WidgetProps & {
    variant: "primary" | "secondary" | "tertiary";
    icon?: string;
    fullWidth?: boolean;
  };
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
  /** A slider over option labels; its wire value is the chosen index, or `[i, j]` for a range. */
  selectSlider: WidgetProps & { options: string[]; index: number | [number, number] };
  /**
   * Dates are "YYYY-MM-DD"; a range is `[start, end]`; null is an empty field.
   * `format` is how the readout writes the date ("YYYY/MM/DD", "DD.MM.YYYY", ...).
   * `nullable`: the user may empty the field (sent as null).
   */
  dateInput: WidgetProps & {
    value: string | [string, string] | null;
    min: string;
    max: string;
    format: string;
    nullable?: boolean;
  };
  /** A time "HH:MM", or "HH:MM:SS" when `step` (seconds) is under 60; null (when `nullable`) is an empty field. */
  timeInput: WidgetProps & { value: string | null; step: number; nullable?: boolean };
  /**
   * A date and time "YYYY-MM-DDTHH:MM", or "YYYY-MM-DDTHH:MM:SS" when `step` (seconds) is under 60,
   * within `min` and `max` (same shape); `format` is how the readout writes the date; null (when
   * `nullable`) is an empty field.
   */
  datetimeInput: WidgetProps & {
    value: string | null;
    min: string;
    max: string;
    step: number;
    format: string;
    nullable?: boolean;
  };
  /** A colour as lowercase "#rrggbb". */
  colorPicker: WidgetProps & { value: string };
  /** A click downloads `src` as `fileName` and is sent as `true`, like a button. */
  downloadButton: WidgetProps & {
    src: MediaSource;
    fileName: string;
    mime: string;
    variant: "primary" | "secondary" | "tertiary";
    icon?: string;
  };
  /**
   * Files are posted to `/_edgelit/upload` first (see UPLOAD_* below); the wire value is then
   * the ids of the files the widget holds, in order (`[]` when the user removed them all).
   */
  fileUploader: WidgetProps & {
    accept?: string[];
    multiple: boolean;
    maxBytes: number;
    files: UploadedFileRef[];
  };
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
  /**
   * The button that sends its form: one event carries the form's held widget
   * values and this click (`true`), which is true for exactly the run it causes.
   */
  formSubmitButton: WidgetProps & {
    variant: "primary" | "secondary" | "tertiary";
    icon?: string;
    fullWidth?: boolean;
  };
  /**
   * Button groups: option labels and the chosen indices. The wire value is the
   * chosen index or null, or with `multi` the list of chosen indices.
   */
  pills: WidgetProps & ButtonGroupProps;
  segmentedControl: WidgetProps & ButtonGroupProps;
  /** A rating; the wire value is the chosen index (thumbs: 0 down, 1 up; faces and stars 0-4) or null. */
  feedback: WidgetProps & { scale: FeedbackScale; index: number | null };
}

export interface ButtonGroupProps {
  options: string[];
  indices: number[];
  multi?: boolean;
}

export type FeedbackScale = "thumbs" | "faces" | "stars";

/** Elements that act in the page without an event. */
export interface LinkElements {
  /** A link that looks like a button; it opens `url` in a new tab. */
  linkButton: {
    label: string;
    url: string;
    variant: "primary" | "secondary" | "tertiary";
    icon?: string;
    help?: string;
    disabled?: boolean;
    fullWidth?: boolean;
  };
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
  image: { items: { src: MediaSource; caption?: string }[]; width?: number | "stretch" };
  audio: {
    src: MediaSource;
    startTime?: number;
    endTime?: number;
    loop?: boolean;
    autoplay?: boolean;
  };
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
  /**
   * Another document in a sandboxed frame: a URL (another site's page keeps its own origin; one of
   * this app's gets an opaque one), or the app's HTML served from ROUTES.frame.
   */
  iframe: { src: string; height: number; scrolling: boolean; title?: string };
  /** Shown at the top of the sidebar, whatever the call's position. */
  logo: { src: MediaSource; link?: string; iconSrc?: MediaSource };
}

/**
 * A column of a table as the page sees it: its name and kind of values. Types
 * other than these (from an Arrow table the app built) travel as Arrow's own name.
 */
export interface DataColumn {
  name: string;
  type: "number" | "integer" | "string" | "boolean" | "date" | "null" | (string & {});
  /** How the grid shows it, from the app's `columnConfig` (see ColumnDisplay). */
  display?: ColumnDisplay;
}

/** The kinds of column `st.columnConfig` makes. */
export type ColumnDisplayType =
  | "column"
  | "text"
  | "number"
  | "checkbox"
  | "selectbox"
  | "date"
  | "time"
  | "datetime"
  | "link"
  | "progress"
  | "list"
  | "json"
  | "image"
  | "lineChart"
  | "barChart"
  | "areaChart";

/**
 * What the grid needs of a column's configuration: its header label and
 * tooltip, its width ("small" 75 px, "medium" 200 px, "large" 400 px, or
 * pixels), whether it is pinned to the left, and by kind: a number's
 * printf-style `format` (see number-format.ts), a date's or time's `format`
 * (tokens such as YYYY-MM-DD HH:mm:ss), a link's `display` text, a progress
 * bar's `min` and `max`, a sparkline's `yMin` and `yMax` (default: its
 * cell's own least and greatest values).
 */
export interface ColumnDisplay {
  type: ColumnDisplayType;
  label?: string;
  help?: string;
  width?: "small" | "medium" | "large" | number;
  pinned?: boolean;
  format?: string;
  display?: string;
  min?: number;
  max?: number;
  yMin?: number;
  yMax?: number;
}

/**
 * A table cell in the page: dates as epoch milliseconds, 64-bit integers as
 * decimal text, a list of numbers (a sparkline's) as an array (non-finite items null).
 */
export type DataCell = string | number | boolean | null | (number | null)[];

/** Media type of a dataframe's batches: each is an Arrow IPC stream (schema and one record batch). */
export const ARROW_STREAM_TYPE = "application/vnd.apache.arrow.stream";

/** Tables of data (see src/elements/data). */
export interface DataElements {
  /**
   * A static table, its rows inline (at most `TABLE_MAX_ROWS`); `rowCount` is the
   * frame's whole length, more than `rows.length` when it was cut.
   */
  table: { columns: DataColumn[]; rows: DataCell[][]; rowCount: number; hideIndex?: boolean };
}

/** What a dataframe lets the user select (Streamlit's `selection_mode`). */
export type DataframeSelectionMode =
  | "single-row"
  | "multi-row"
  | "single-column"
  | "multi-column"
  | "single-cell"
  | "multi-cell";

/**
 * A dataframe's selection: row positions in the data as given (whatever the
 * sort shown), column names, and cells as `[row, column name]`.
 */
export interface DataframeSelection {
  rows: number[];
  columns: string[];
  cells: [number, string][];
}

/** A dataframe's widget value, as Streamlit's: the selection under `selection`. */
export interface DataframeState {
  selection: DataframeSelection;
}

/**
 * A grid whose rows the page fetches: `batches` are media ids
 * (`/_edgelit/media/<id>`, each `batchRows` rows but the last). `height` in
 * pixels (default: up to ten rows); `width` in pixels, or "content". With
 * `selection` it is a widget (`id` set): the user selects what `modes` allow
 * and the page sends a `DataframeState`; without, it is read-only.
 */
export interface DataframeProps {
  id?: string;
  label?: string;
  columns: DataColumn[];
  batches: string[];
  batchRows: number;
  rowCount: number;
  /**
   * The first `rows` rows alone (a media id of one small Arrow batch), when
   * the first batch is large: the page draws its first screen from it
   * without waiting for the whole first batch.
   */
  head?: { id: string; rows: number };
  height?: number;
  width?: number | "content";
  hideIndex?: boolean;
  selection?: { modes: DataframeSelectionMode[]; value: DataframeState };
}

/**
 * Data of a chart, under the name its spec's `data` refers to: small data
 * inline as rows, larger data as stored Arrow batches (media ids, as a
 * dataframe's) that the page fetches. Dates travel as epoch milliseconds.
 */
export interface ChartDataset {
  name: string;
  values?: Record<string, DataCell>[];
  batches?: string[];
}

/** One selection parameter of a chart: its name in the spec and its kind. */
export interface ChartSelectionParam {
  name: string;
  type: "point" | "interval";
}

/**
 * What one selection parameter holds: a point selection, the selected points
 * (their fields' values); an interval, each field's `[min, max]` (or the values
 * it spans on a discrete axis). Empty (`[]` or `{}`) when nothing is selected.
 */
export type ChartSelectionValue = Record<string, DataCell>[] | Record<string, DataCell[]>;

/** A chart's widget value, as Streamlit's: each selection parameter's value by name under `selection`. */
export interface VegaLiteChartState {
  selection: Record<string, ChartSelectionValue>;
}

/**
 * A Vega-Lite chart: its spec (whose named data are in `datasets`), drawn in
 * the page's theme when `theme` is "streamlit". `width`/`height` in pixels;
 * `useContainerWidth` stretches it over its container and follows its
 * resizes. With `selection` it is a widget (`id` set) whose value is a
 * `VegaLiteChartState`.
 */
export interface VegaLiteChartProps {
  id?: string;
  label?: string;
  spec: { [key: string]: JsonValue };
  datasets: ChartDataset[];
  theme: "streamlit" | null;
  useContainerWidth: boolean;
  width?: number;
  height?: number;
  selection?: { params: ChartSelectionParam[]; value: VegaLiteChartState };
}

/** Most rows `st.table` shows; past them it shows a note that points to `st.dataframe`. */
export const TABLE_MAX_ROWS = 1000;

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
    /** The shown page's icon (the tab's icon), layout and first sidebar state, when it sets them. */
    icon?: string;
    layout?: PageLayout;
    initialSidebarState?: SidebarState;
  };
  /**
   * What `st.setPageConfig` set in this run, its calls merged (later ones win).
   * It draws nothing: while it is on the page, the page applies it over the
   * app's and the page's options.
   */
  pageConfig: PageConfigLayer;
  /** A link to a page of the app (switched in the page) or, when `external`, to another site (a new tab). */
  pageLink: {
    href: string;
    label: string;
    icon?: string;
    help?: string;
    disabled?: boolean;
    external?: boolean;
  };
}

/** Blocks hold children; their own props never include the children. */
export interface BlockElements {
  /** `gap: null` puts no space between columns; `verticalAlignment` is sent only when not "top". */
  columns: {
    widths: number[];
    gap: "small" | "medium" | "large" | null;
    verticalAlignment?: "center" | "bottom";
    border?: boolean;
  };
  column: Record<string, never>;
  /** Tabs: one `tab` block per label, in order; switching tabs happens in the page only. */
  tabs: { labels: string[] };
  tab: Record<string, never>;
  /** `height` (pixels) makes it scroll; `key` becomes the CSS class `st-key-<key>`. */
  container: { border?: boolean; height?: number; key?: string };
  /** `icon` is one emoji or `:material/name:`. */
  expander: { label: string; expanded: boolean; icon?: string };
  /** A button that opens a floating panel with the children; opening and closing happen in the page only. */
  popover: { label: string; help?: string; icon?: string; disabled?: boolean; fullWidth?: boolean };
  /** A box that reports on a task: a spinner, check or cross by `state`, collapsible like an expander. */
  status: { label: string; state: "running" | "complete" | "error"; expanded: boolean };
  /** A chat bubble; the avatar is an emoji, text or `:material/name:` (default: by `name`). */
  chatMessage: { name: string; avatar?: string };
  /**
   * A form: the page holds its widgets' changes until its submit button sends
   * them all in one event. With `enterToSubmit`, Enter in its text or number
   * input submits it too.
   */
  form: { border: boolean; enterToSubmit: boolean };
  /** A fragment's block: a widget inside reruns only the fragment; the page reruns it every `runEvery` seconds. */
  fragment: { id: string; runEvery?: number };
  /** A fragment shown as a modal; `id` is its fragment's instance id. */
  dialog: { id: string; title: string; width: "small" | "large"; dismissible: boolean };
}

export type ElementPropsByKind = TextElements &
  StatusElements &
  PlaceholderElements &
  MediaElements &
  InputElements &
  LinkElements &
  DataElements &
  BlockElements &
  PageElements &
  ChartLibraryElements;
export type ElementKind = keyof ElementPropsByKind;
export type BlockKind = keyof BlockElements;
export type WidgetKind = keyof InputElements;

/** One element as it travels: its kind and props, discriminated by kind. */
export type ElementOf<K extends ElementKind> = { kind: K; props: ElementPropsByKind[K] };
export type AnyElement = { [K in ElementKind]: ElementOf<K> }[ElementKind];

/** Every block kind, once; the compiler makes sure the record names each kind of BlockElements. */
const BLOCK_KIND_RECORD = {
  columns: true,
  column: true,
  tabs: true,
  tab: true,
  container: true,
  expander: true,
  popover: true,
  status: true,
  chatMessage: true,
  form: true,
  fragment: true,
  dialog: true,
} as const satisfies Record<BlockKind, true>;

const BLOCK_KINDS: ReadonlySet<string> = new Set(Object.keys(BLOCK_KIND_RECORD));

/** True for kinds that hold children (columns, expander, ...). */
export function isBlockKind(kind: string): kind is BlockKind {
  return BLOCK_KINDS.has(kind);
}

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };
