import { createSignal, onCleanup, Show } from "solid-js";
import type { ElementProps } from "../element-props.ts";

/**
 * Another document in a sandboxed frame. A page of another site keeps its own
 * origin (the browser already keeps it apart); anything served by this app
 * (a `components.html` document, one of its paths) gets an opaque origin, so
 * its scripts cannot reach the page, its session id or its storage. A frame
 * the page's policy refuses says so instead of staying blank.
 */
export function Iframe(props: ElementProps<"iframe">) {
  const [refused, setRefused] = createSignal(false);
  const otherSite = () => new URL(props.el.src, location.href).origin !== location.origin;
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    if (event.effectiveDirective !== "frame-src") return;
    if (event.blockedURI && props.el.src.startsWith(event.blockedURI)) setRefused(true);
  };
  document.addEventListener("securitypolicyviolation", onViolation);
  onCleanup(() => document.removeEventListener("securitypolicyviolation", onViolation));
  return (
    <div class="frame">
      <Show
        when={!refused()}
        fallback={
          <p class="frame-refused" role="note">
            The page's policy does not allow frames from{" "}
            {new URL(props.el.src, location.href).origin}. The app can allow it with{" "}
            <code>contentSecurityPolicy: {'{ "frame-src": [origin] }'}</code>.
          </p>
        }
      >
        <iframe
          src={props.el.src}
          title={props.el.title ?? "Embedded content"}
          sandbox={`allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads${otherSite() ? " allow-same-origin" : ""}`}
          scrolling={props.el.scrolling ? "auto" : "no"}
          style={{ height: `${props.el.height}px` }}
        />
      </Show>
    </div>
  );
}
