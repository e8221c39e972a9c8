import { createEffect, on, onCleanup } from "solid-js";

export interface PlaybackRange {
  startTime?: number;
  endTime?: number;
  loop?: boolean;
}

/**
 * Makes a native player honour a range: it opens at `startTime`, pauses at
 * `endTime`, and with `loop` goes back to `startTime` (not to 0, as the native
 * loop would). A rerun that moves `startTime` seeks there. Seeking needs a
 * server that answers Range requests.
 *
 * @example
 * <audio controls ref={(media) => playRange(media, () => props.el)} />
 */
export function playRange(media: HTMLMediaElement, range: () => PlaybackRange): void {
  const start = () => range().startTime ?? 0;
  const pastEnd = () => range().endTime !== undefined && media.currentTime >= range().endTime!;
  const finish = () => (range().loop ? (media.currentTime = start()) : media.pause());

  // timeupdate fires only every ~250 ms, so a timer set for the end stops on time.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const scheduleEnd = () => {
    clearTimeout(timer);
    const until = range().endTime;
    if (until === undefined || media.paused) return;
    const left = until - media.currentTime;
    // The clock may lag the timer a little: close enough is the end, else wait again.
    timer = setTimeout(
      () => (until - media.currentTime < 0.05 ? finish() : scheduleEnd()),
      (left / media.playbackRate) * 1000,
    );
  };
  onCleanup(() => clearTimeout(timer));

  media.addEventListener("loadedmetadata", () => {
    if (start() > 0) media.currentTime = start();
  });
  for (const event of ["playing", "seeked", "ratechange", "pause"])
    media.addEventListener(event, scheduleEnd);
  media.addEventListener("timeupdate", () => {
    if (pastEnd() && !media.paused) finish();
  });
  media.addEventListener("ended", () => {
    if (!range().loop) return;
    media.currentTime = start();
    void media.play();
  });
  // Play pressed again at the end of the range: play the range again.
  media.addEventListener("play", () => {
    if (pastEnd()) media.currentTime = start();
  });
  createEffect(
    on(
      () => range().startTime,
      () => (media.currentTime = start()),
      { defer: true },
    ),
  );
}
