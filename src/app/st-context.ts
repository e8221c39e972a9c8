import { TARGET, type Drawable } from "../elements/core/target.ts";

/**
 * What `st.context` tells the app about where and for whom it runs, read anew for every event:
 * over SSE and JSON each event is an HTTP request of its own; over the WebSocket transport the
 * headers and cookies are the socket's handshake's (the page opens a new socket after a login or
 * logout). What the page says of its browser is undefined in a run no page asked for.
 */
export interface StContext {
  /**
   * The runtime's bindings, read-only: on Cloudflare Workers the Worker's
   * `env` of this request (vars, secrets, KV and Durable Object bindings);
   * under `edgelit run` / `edgelit start`, `process.env`. Values are
   * `unknown`: narrow them where they are used.
   * @example const greeting = String(st.context.env.GREETING ?? "Hello");
   */
  readonly env: Readonly<Record<string, unknown>>;
  /** The request's headers, names in lower case (`cookie` is in `cookies`). @example st.context.headers["user-agent"] */
  readonly headers: Readonly<Record<string, string>>;
  /** The request's cookies by name (not edgelit's own login cookies). @example st.context.cookies.consent === "yes" */
  readonly cookies: Readonly<Record<string, string>>;
  /** The page's URL as the browser shows it (origin, path, query). @example new URL(st.context.url).hostname */
  readonly url: string | undefined;
  /**
   * The client's address: the connection's peer, or behind a proxy the address it forwards,
   * only when `trustProxy` says to believe it. @example st.text(st.context.ipAddress ?? "unknown")
   */
  readonly ipAddress: string | undefined;
  /** The browser's language (`navigator.language`, `en-US`). @example st.context.locale?.startsWith("fr") */
  readonly locale: string | undefined;
  /** The browser's IANA time zone (`Europe/Paris`). @example new Date().toLocaleString(st.context.locale, { timeZone: st.context.timezone }) */
  readonly timezone: string | undefined;
  /** Minutes to add to the browser's local time to get UTC (`-60` in Paris in winter). @example st.context.timezoneOffset */
  readonly timezoneOffset: number | undefined;
  /** The colour scheme the page shows, light or dark. @example st.context.theme === "dark" ? darkChart : lightChart */
  readonly theme: "light" | "dark" | undefined;
  /** True when the page is shown in a frame of another page. @example if (!st.context.isEmbedded) st.sidebar.title("My app") */
  readonly isEmbedded: boolean;
}

const NONE: Readonly<Record<string, string>> = Object.freeze({});

/**
 * `st.context`, once for every `st` (on its prototype): made on each read from
 * the run the handle draws into, so a run that never reads it pays nothing.
 */
export const contextMembers = {
  get context(): StContext {
    const run = (this as unknown as Drawable)[TARGET].run;
    const { request, browser } = run.visit;
    return Object.freeze({
      env: run.env,
      headers: request ? Object.freeze({ ...request.headers }) : NONE,
      cookies: request ? Object.freeze({ ...request.cookies }) : NONE,
      url: request?.url,
      ipAddress: request?.ipAddress,
      locale: browser?.locale,
      timezone: browser?.timezone,
      timezoneOffset: browser?.timezoneOffset,
      theme: browser?.theme,
      isEmbedded: browser?.isEmbedded ?? false,
    });
  },
};
