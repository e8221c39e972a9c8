import { lazy, type Component } from "solid-js";

/**
 * An element component whose code loads the first time the page shows that
 * kind of element, in its own chunk: the initial script carries only the
 * elements most pages use. Until it arrives the element draws nothing.
 *
 * @example
 * const Video = onDemand(() => import("./elements/media/video.tsx").then((module) => module.Video));
 */
export function onDemand<P extends object>(load: () => Promise<Component<P>>): Component<P> {
  return lazy(async () => ({ default: await load() }));
}
