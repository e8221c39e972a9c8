import type { ElementKind, ElementPropsByKind } from "./elements.ts";

/**
 * Messages between the browser and the server. Bump PROTOCOL_VERSION when a
 * message changes shape; a retired message or field stays here as a comment
 * and its name is never reused.
 */
export const PROTOCOL_VERSION = 4;
// 2: element kinds of the whole catalogue (forms, fragments, dialogs, pages, …); the request's
//    `url` and `fragment`; the `url` message; `start.scope`. A page still speaking 1 is told to reload.
// 3: the `pageConfig`, `table` and `dataframe` kinds (a page of 2 cannot draw them); session ids of
//    56 hex characters; a `finish` of a run that was not stored names it `0.<digest>`. A page still
//    speaking 2 is told to reload.
// 4: the request's `seq` and a carried event's `seq` (a tab's events numbered in order, so a copy
//    that arrives late is never applied again); the `draining` error code. A page still speaking 3
//    is told to reload.

/** Where an element sits: a root index (see ROOTS), then the index in each block. */
export type ElementPath = number[];

/**
 * The roots of the element tree, by their index in an ElementPath. `bottom` is
 * pinned under the main area (where `st.chatInput` goes).
 */
export const ROOTS = { main: 0, sidebar: 1, bottom: 2 } as const;
export type RootName = keyof typeof ROOTS;

/** One widget value sent by the client. A button click is `{ id, value: true }`. */
export interface WidgetChange {
  id: string;
  value: unknown;
}

/** Body of `POST /_edgelit/event`: rerun the app after applying `changes`. */
export interface RerunRequest {
  protocol: typeof PROTOCOL_VERSION;
  /** Null on a tab's first load: the server then creates a session. */
  sessionId: string | null;
  /** The run the client last applied in full; a mismatch makes the server resend everything. */
  lastRunId: string | null;
  /**
   * Made by the client for each event and kept on retries: the server applies
   * the changes of an event id once, so a retry after a lost answer (or a
   * POST the browser repeats by itself) never clicks twice.
   */
  eventId: string;
  /**
   * Where the event stands in its tab's order. The server keeps, per tab, the
   * highest number it applied: a copy at or below it (a resend, or a copy a
   * hung server processes late) is answered with the current state and never
   * applied again, however late it comes. Without it, only a repeat of the
   * last applied `eventId` is recognised.
   */
  seq?: EventSeq;
  changes: WidgetChange[];
  /**
   * Events the client abandoned before they finished (the user acted while
   * their run streamed), oldest first. The server applies those the session
   * has not applied yet, before `changes`: no click is lost or counted twice.
   */
  carried?: CarriedEvent[];
  /**
   * The page's URL as the browser shows it, path and query (`/settings?q=1`):
   * it picks the page of a multipage app and fills `st.queryParams`. Absent,
   * the session's last URL is used.
   */
  url?: string;
  /**
   * Rerun only this fragment (or dialog) instead of the whole app: set by the
   * page when every change comes from widgets inside it, or by its `runEvery`
   * timer. The server falls back to a full run when the fragment is unknown
   * or a change lies outside it.
   */
  fragment?: FragmentRequest;
  /** What the page says of its browser (`st.context`'s locale, timezone, theme, isEmbedded), with every event. */
  browser?: BrowserContext;
}

/** The browser as the page sees it when it sends an event. */
export interface BrowserContext {
  /** `navigator.language` (`en-US`). */
  locale?: string;
  /** The IANA time zone (`Europe/Paris`). */
  timezone?: string;
  /** `Date#getTimezoneOffset()`: minutes to add to local time to get UTC. */
  timezoneOffset?: number;
  /** The colour scheme the page shows. */
  theme?: "light" | "dark";
  /** The page is shown in a frame of another page. */
  isEmbedded?: boolean;
}

/** The fragment an event is scoped to. */
export interface FragmentRequest {
  /** The fragment's instance id, as its block's props carry it. */
  id: string;
  /** The user dismissed this dialog (its X, Escape, a click outside): it closes and is not reopened by its reruns. */
  dismiss?: true;
}

/**
 * An event's place in its tab's order: `tab` names one page load of the tab
 * (its milliseconds since 1970 in base 36, a dot, random characters), `n`
 * counts its events from 1, the same on every resend of one event.
 */
export interface EventSeq {
  tab: string;
  n: number;
}

/** An abandoned event, carried by the next one. */
export interface CarriedEvent {
  eventId: string;
  /** Its number in the carrying event's tab (see EventSeq); required when the carrier has `seq`. */
  seq?: number;
  changes: WidgetChange[];
}

/** How the page exchanges events with the server. */
export type Transport = "sse" | "websocket" | "json";

/** A client message on the WebSocket transport: one event (a new one interrupts the run in progress). */
export interface SocketEventMessage {
  type: "event";
  request: RerunRequest;
}

/** The first message of every run. With `reset`, the client drops its tree first. */
export interface StartMessage {
  type: "start";
  sessionId: string;
  runId: string;
  reset: boolean;
  /** The run redraws only the block at this path (a fragment): the rest of the page stays as it is. */
  scope?: ElementPath;
}

/** An element whose content changed (or is new) at `path`. */
export type ElementMessage = {
  [K in ElementKind]: { type: "element"; path: ElementPath; kind: K; props: ElementPropsByKind[K] };
}[ElementKind];

/**
 * How many children of each block the run has reached so far, keyed by
 * `pathKey(blockPath)`. Elements below those counts are current; the client
 * fades the rest until the run reaches them or ends.
 */
export interface ProgressMessage {
  type: "progress";
  counts: Record<string, number>;
}

/** A widget value the server refused; the widget shows its last good value. */
export interface RefusedMessage {
  type: "refused";
  widgetId: string;
  message: string;
}

/** The run ended and its record is saved: blocks keep only `counts[key]` children. */
export interface FinishMessage {
  type: "finish";
  runId: string;
  counts: Record<string, number>;
  /** How long the run took on the server; a page that got it all at once after a long run knows its stream was buffered. */
  elapsedMs: number;
}

/**
 * The URL the browser should show after this run (a page switch, query params
 * the app wrote): `push` adds a history entry, `replace` changes the current
 * one. Sent after the run is saved, just before `finish`.
 */
export interface UrlMessage {
  type: "url";
  url: string;
  history: "push" | "replace";
}

/**
 * The page leaves the app for `url`, a path of this server (`st.login`, `st.logout`): a full
 * navigation, not a history entry of the app.
 */
export interface NavigateMessage {
  type: "navigate";
  url: string;
}

/** The run could not complete (store down, concurrent save): nothing of it was saved. */
export interface ErrorMessage {
  type: "error";
  code: ErrorCode;
  message: string;
}

export type ServerMessage =
  | StartMessage
  | ElementMessage
  | ProgressMessage
  | RefusedMessage
  | FinishMessage
  | ErrorMessage
  | UrlMessage
  | NavigateMessage;

export type ErrorCode =
  | "bad_request"
  | "unsupported_media_type"
  | "not_found"
  | "unsupported_protocol"
  | "forbidden"
  | "session_expired"
  | "payload_too_large"
  | "conflict"
  | "run_timeout"
  | "store_unavailable"
  /** The store answered but refused (read-only during a failover, full, or not confirmed by enough replicas). */
  | "store_refused"
  | "too_many_requests"
  /** The server is shutting down (503 with Retry-After): the page sends the event again at once, to another server. */
  | "draining"
  | "internal";

/** Body of every 4xx/5xx answer that is not a stream. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/** Header every event request carries; a cross-site form cannot set it. */
export const CLIENT_HEADER = "x-edgelit";

/**
 * Uploads: `POST /_edgelit/upload?widget=<widget id>` with the CLIENT_HEADER,
 * the session id in UPLOAD_SESSION_HEADER, and a multipart/form-data body of
 * one or more `file` fields. The answer is an UploadAnswer (or an ErrorBody:
 * 413 over the widget's limit, 415 for a type it does not accept, ...).
 */
export const UPLOAD_SESSION_HEADER = "x-edgelit-session";

/**
 * The page's URL (path and query) on an upload: for a session whose runs were
 * never saved, the server redraws that page to find the upload widget.
 */
export const UPLOAD_URL_HEADER = "x-edgelit-url";

/** The answer to an upload: the stored files, to send as the widget's value. */
export interface UploadAnswer {
  files: { id: string; name: string; size: number; type: string }[];
}

/** Routes, relative to the app's base URL. */
/**
 * A cookie the page may read (not HttpOnly), changed by every login and logout: a page whose
 * WebSocket opened under another value opens a new one before its next event, so the socket's
 * handshake carries the current login cookie. It holds no secret.
 */
export const LOGIN_MARK_COOKIE = "edgelit_login_mark";

export const ROUTES = {
  event: "/_edgelit/event",
  /** The WebSocket transport: each message a SocketEventMessage; the server answers with arrays of ServerMessage. */
  socket: "/_edgelit/ws",
  upload: "/_edgelit/upload",
  /** Followed by a media id: `GET /_edgelit/media/<id>` serves stored bytes to any replica. */
  media: "/_edgelit/media/",
  /** Followed by a media id: the HTML of `components.html`, as a sandboxed document of its own origin. */
  frame: "/_edgelit/frame/",
  /** Followed by a declared component's name and a file of its frontend folder. */
  component: "/_edgelit/component/",
  /** Followed by a media id: an inline component's module, as JavaScript. */
  componentModule: "/_edgelit/component-module/",
  health: "/_edgelit/health",
  /** `?provider=<name>&return=<path>`: starts a login at the provider (st.login). */
  authLogin: "/_edgelit/auth/login",
  /** `?return=<path>`: ends the login (st.logout). */
  authLogout: "/_edgelit/auth/logout",
  /** The callback edgelit suggests for `redirect_uri` (any path of the app's origin works). */
  authCallback: "/_edgelit/auth/callback",
  /** `POST` a FrameOrderRequest (row-order.ts): the sorted row order of a stored frame, from any replica. */
  frameOrder: "/_edgelit/frame-order",
  devEvents: "/_edgelit/dev",
} as const;

/** The stored type of `components.html` documents: the frame route serves only these. */
export const FRAME_DOCUMENT_TYPE = "text/html; edgelit=frame";

/** The key a block's children are counted under: its path joined by dots. */
export function pathKey(path: ElementPath): string {
  return path.join(".");
}
