import {
  createEffect,
  createMemo,
  createSignal,
  on,
  untrack,
  type Component,
  type JSX,
} from "solid-js";
import { useClient } from "./runtime/client-context.ts";

/**
 * An element component whose code loads the first time the page shows that
 * kind of element, in its own chunk: the initial script carries only the
 * elements most pages use. Until it arrives the element draws nothing. A chunk
 * that failed to load (a network blip) is asked for again after the next run,
 * instead of leaving that kind of element blank until the page reloads.
 *
 * @example
 * const Video = onDemand(() => import("./elements/media/video.tsx").then((module) => module.Video));
 */
export function onDemand<P extends object>(load: () => Promise<Component<P>>): Component<P> {
  let loaded: Component<P> | undefined;
  let loading: Promise<Component<P>> | undefined;
  const fetchOnce = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // the next attempt fetches again
        throw error;
      },
    ));

  return (props) => {
    const [component, setComponent] = createSignal<Component<P> | undefined>(loaded);
    if (!loaded) {
      createEffect(
        on(useClient().settled, () => {
          if (component()) return;
          fetchOnce().then(
            (arrived) => setComponent(() => arrived),
            (error: unknown) =>
              console.error(
                "edgelit: an element's code failed to load; it is asked for again after the next run",
                error,
              ),
          );
        }),
      );
    }
    // As Solid's lazy(): the component runs untracked, under this owner, so it sees the same context.
    const view = createMemo(() => {
      const Arrived = component();
      return Arrived && untrack(() => Arrived(props));
    });
    // Solid renders an accessor as its current value (its types do not say so; lazy() casts too).
    return view as unknown as JSX.Element;
  };
}
