import type { ElementPath, WidgetKind } from "../protocol/index.ts";

/** What the server remembers about one widget between runs. */
export interface WidgetState {
  kind: WidgetKind;
  /** The value the app sees (an option itself for selection widgets, not its index). */
  value: unknown;
  /** Set for widgets created with `key`; `st.session[key]` reads and writes this value. */
  key?: string;
  /** The kind's settings from the last run: what checking a value from the client needs (range, options, ...). */
  spec: unknown;
  /** The widget had an `onChange` in the last run, so a change must find and run it. */
  hasCallback?: true;
  /** The key of the form the widget is in: its changes apply only with that form's submit. */
  form?: string;
  /** A keyed widget drawn by a page of a multipage app: its url path. It is kept while the user is on other pages. */
  page?: string;
}

/**
 * One session, as stored. Everything the server knows of a tab lives here and
 * nowhere else: each event loads it, reruns the app, and saves it.
 */
export interface SessionRecord {
  /** Bumped by every save; a save only succeeds if the stored version is unchanged. */
  version: number;
  widgets: Record<string, WidgetState>;
  /**
   * `st.session`: the app's own values (superjson types survive: Date, Map, Set, BigInt). Stored,
   * a large value is a placeholder here and its text is kept apart: see `largeValues`.
   */
  session: Record<string, unknown>;
  /** Stored: the `st.session` values kept under keys of their own, by name (see src/session/large-values.ts). */
  largeValues?: Record<string, LargeValueRef>;
  /**
   * The element hash at each element path the client holds after `lastRunId`. Not stored as
   * such: the store keeps it as the three fields below (see src/session/stored-tree.ts).
   */
  tree: Record<string, string>;
  /** Stored: the digest of the base tree kept under its own key; absent for a small page. */
  treeBase?: string;
  /** Stored: the hashes that differ from the base (null: the page no longer holds one); a small page's whole tree. */
  treePatch?: Record<string, string | null>;
  /** Stored: when the base was written (ms), to write it again before it expires. */
  treeBaseAt?: number;
  lastRunId: string | null;
  /** The last event applied: a retry of it reruns without applying its changes again. */
  lastEventId: string | null;
  /**
   * The highest event number applied, per tab (page load) that sent events
   * (see EventSeq in the protocol), least recently used first. Absent until
   * a numbered event is saved.
   */
  appliedSeq?: Record<string, number>;
  /**
   * Tabs forgotten to keep `appliedSeq` small: every tab whose id names a
   * time at or before this one (ms) counts as fully applied.
   */
  appliedSeqFloor?: number;
  /** When this session last stored each media id it showed (ms): media are renewed while shown. */
  media: Record<string, number>;
  /** When each file the upload widgets hold was last written (or first seen), so they are renewed in time. */
  uploads: Record<string, number>;
  createdAt: number;
  touchedAt: number;
  /** The page's URL (path and query) after the last run: an event that does not name one runs there. */
  url?: string;
  /** The fragments and open dialogs the page shows, by instance id (absent in records older than fragments). */
  fragments?: Record<string, FragmentState>;
}

/** Where a large `st.session` value is kept: its key's id (`<version>-<content hash>`) and when it was written (ms). */
export interface LargeValueRef {
  id: string;
  at: number;
}

/** What a fragment's rerun needs, from its last run. */
export interface FragmentState {
  /** The id it was defined with at module scope: how any server finds its function. */
  definition: string;
  /** Its block in the page. */
  path: ElementPath;
  /** The arguments of its last call (superjson types survive). */
  args: unknown;
  /** The widgets drawn inside it (nested fragments' too), by id. */
  widgets: string[];
  /** It is an open dialog; a dismissal deletes the entry. */
  dialog?: true;
  /** In a multipage app, the url path of the page that drew it: its unkeyed widgets' ids include it. */
  page?: string;
}

/** A record for a session that has never run. */
export function createSessionRecord(now = Date.now()): SessionRecord {
  return {
    version: 0,
    widgets: {},
    session: {},
    tree: {},
    lastRunId: null,
    lastEventId: null,
    media: {},
    uploads: {},
    createdAt: now,
    touchedAt: now,
  };
}
