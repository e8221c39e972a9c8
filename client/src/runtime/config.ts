import type { PageLayout, SidebarState, Transport } from "../../../src/protocol/index.ts";

/** What the server tells the page through `<script id="edgelit-config">` (the server's PageConfig). */
export interface ClientConfig {
  /** The server watches the app's files and asks the page to rerun on change. */
  dev?: boolean;
  title?: string;
  /** The app's tab icon: an emoji, ":material/name:" or an image URL. */
  icon?: string;
  layout?: PageLayout;
  initialSidebarState?: SidebarState;
  /** The transports the server offers, in the order to try them. */
  transports?: Transport[];
  /** Silence (no first byte, no message or heartbeat) after which an event is sent again; 0 never. */
  eventTimeoutMs?: number;
  /** Idle seconds before the server forgets a session (sessionTtlSeconds). */
  sessionTtlSeconds?: number;
  /** The app's fixed colour scheme (theme.base); absent, the page follows the system. */
  themeBase?: "light" | "dark";
  /** The base map of `st.map` (a MapLibre style URL, or "none"); absent, Carto's by theme. */
  mapStyle?: string;
}

export function readConfig(): ClientConfig {
  const text = document.getElementById("edgelit-config")?.textContent ?? "";
  try {
    const parsed: unknown = JSON.parse(text || "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as ClientConfig) : {};
  } catch {
    console.warn("edgelit: ignoring an unreadable #edgelit-config");
    return {};
  }
}
