import { TARGET, type Drawable, type ElementTarget } from "../core/target.ts";
import { drawElement, drawElementLater, type ElementHandle } from "../core/handle.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { FRAME_DOCUMENT_TYPE, ROUTES } from "../../protocol/index.ts";

/** Options of `iframe` and `components.html`. */
export interface FrameOptions {
  /** Height in pixels. Default 150, as a browser's frame. */
  height?: number;
  /** Let the frame scroll its content. Default: false for HTML, true for a URL. */
  scrolling?: boolean;
  /** What the frame holds, for screen readers. */
  title?: string;
}

/** What `st.components` offers: Streamlit's `components.v1` for frames. */
export interface FrameComponents {
  /**
   * A document of the app's own HTML, scripts included, in a sandboxed frame: it runs in an
   * origin of its own and cannot read the page, its session id or its storage.
   * @example st.components.html("<script>document.body.textContent = 6 * 7</script>", { height: 40 })
   */
  html(html: string, options?: FrameOptions): ElementHandle;
  /** The same as `st.iframe`. */
  iframe(url: string, options?: FrameOptions): ElementHandle;
}

/** Frames: other documents in the page, isolated from it. */
export const frameMethods = {
  /**
   * A web page in a frame. Another site's page needs its origin in the page's
   * policy (`contentSecurityPolicy: { "frame-src": ["https://example.com"] }`);
   * a page of this app runs sandboxed, in an origin of its own.
   * @example st.iframe("https://example.com/report", { height: 400 })
   */
  iframe(this: Drawable, url: string, options: FrameOptions = {}): ElementHandle {
    if (typeof url !== "string" || !/^(https?:\/\/|\/(?!\/))/i.test(url))
      throw new EdgelitApiError(
        `st.iframe: the URL must be http(s) or a path on this server; got ${JSON.stringify(String(url).slice(0, 60))}.`,
      );
    return drawElement(this[TARGET], "iframe", frameProps("st.iframe", url, options, true));
  },
};

/** The `components` member every container has (see element-api.ts). */
export function frameComponents(target: ElementTarget): FrameComponents {
  return {
    html(html, options = {}) {
      if (typeof html !== "string")
        throw new EdgelitApiError(`components.html takes a string of HTML; got ${typeof html}.`);
      const bytes = new TextEncoder().encode(html);
      // Stored, served by any replica from its own route with a sandboxing policy (see frame-route.ts).
      const stored = target.run.storeMedia(bytes, FRAME_DOCUMENT_TYPE);
      return drawElementLater(
        target,
        "iframe",
        stored.then((id) => frameProps("components.html", `${ROUTES.frame}${id}`, options, false)),
      );
    },
    iframe(url, options) {
      return frameMethods.iframe.call({ [TARGET]: target }, url, options);
    },
  };
}

function frameProps(what: string, src: string, options: FrameOptions, scrolling: boolean) {
  const height = options.height ?? 150;
  if (!(Number.isFinite(height) && height > 0))
    throw new EdgelitApiError(`${what}: height must be a number of pixels above 0; got ${height}.`);
  return {
    src,
    height,
    scrolling: options.scrolling ?? scrolling,
    ...(options.title !== undefined && { title: String(options.title) }),
  };
}
