import { TARGET, type Drawable, type ElementTarget } from "../core/target.ts";
import { drawElement, drawElementLater, type ElementHandle } from "../core/handle.ts";
import { mediaSource, type MediaInput, type MediaOptions } from "../../media/media-source.ts";
import { encodePng, isPixelImage, pixelChannels, type PixelImage } from "../../media/pixels.ts";
import { ROOTS, type ElementKind, type ElementPropsByKind } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { linkUrlProblem } from "../inputs/link-button.ts";

/** Options of `image`. */
export interface ImageOptions extends MediaOptions {
  /** A caption, or one per image. */
  caption?: string | string[];
  /**
   * `"content"` (the default): the image's own width, at most the container's;
   * `"stretch"`: the container's width; a number: that many pixels.
   */
  width?: number | "stretch" | "content";
}

/** What `image` shows: anything media elements take, or raw pixels (encoded as PNG). */
export type ImageInput = MediaInput | PixelImage;

/** Options of `audio` and `video`. */
export interface PlaybackOptions extends MediaOptions {
  /** Where to start, in seconds. */
  startTime?: number;
  /** Where to stop, in seconds. */
  endTime?: number;
  loop?: boolean;
  autoplay?: boolean;
}

/** Options of `video`. */
export interface VideoOptions extends PlaybackOptions {
  muted?: boolean;
  /** WebVTT subtitles: one track, or tracks by label (`{ English: vtt, Français: vtt2 }`). */
  subtitles?: MediaInput | Record<string, MediaInput>;
}

/**
 * Images, sound, video and documents. Bytes are stored and served by any replica.
 * Each returns its element's handle at once, even when its bytes are read later.
 */
export const mediaMethods = {
  /**
   * One image or several side by side: bytes, a Blob, an uploaded file, a URL, or raw pixels
   * (`{ data, width, height, channels }`, which a canvas `ImageData` fits; sent as PNG).
   * @example st.image(pngBytes, { caption: "Sales by region" })
   * @example st.image({ data: rgb, width: 64, height: 64, channels: 3 }, { width: "stretch" })
   */
  image(
    this: Drawable,
    images: ImageInput | ImageInput[],
    options: ImageOptions = {},
  ): ElementHandle {
    const list = Array.isArray(images) ? images : [images];
    const width = imageWidth(options.width);
    const captions: (string | undefined)[] = Array.isArray(options.caption)
      ? options.caption
      : list.map(() => options.caption as string | undefined);
    if (captions.length !== list.length)
      throw new EdgelitApiError(
        `st.image got ${list.length} images but ${captions.length} captions.`,
      );
    const target = this[TARGET];
    const items = list.map((image, i) => {
      const caption = captions[i];
      const make = (src: string) => (caption === undefined ? { src } : { src, caption });
      if (!isPixelImage(image)) return withSrc(target, image, options, make);
      pixelChannels(image); // a misfit throws here, where the app called st.image
      return encodePng(image).then((png) =>
        withSrc(target, png, { ...options, mime: "image/png" }, make),
      );
    });
    return emitMedia(target, "image", all(items), (resolved) => ({
      items: resolved,
      ...(width !== undefined && { width }),
    }));
  },
  /** A sound player. @example st.audio(wavBytes, { startTime: 2 }) */
  audio(this: Drawable, audio: MediaInput, options: PlaybackOptions = {}): ElementHandle {
    const target = this[TARGET];
    return emitMedia(
      target,
      "audio",
      withSrc(target, audio, options, (src) => src),
      (src) => ({ src, ...playback(options) }),
    );
  },
  /**
   * A video player, with optional WebVTT subtitles.
   * @example st.video(mp4Bytes, { muted: true, autoplay: true, loop: true })
   */
  video(this: Drawable, video: MediaInput, options: VideoOptions = {}): ElementHandle {
    const target = this[TARGET];
    const tracks = subtitleTracks(options.subtitles).map(([label, input]) =>
      withSrc(target, input, { mime: "text/vtt" }, (src) => ({ label, src })),
    );
    const source = withSrc(target, video, options, (src) => src);
    return emitMedia(target, "video", all([source, all(tracks)] as const), ([src, subtitles]) => ({
      src,
      ...playback(options),
      ...(options.muted && { muted: true }),
      ...(subtitles.length > 0 && { subtitles }),
    }));
  },
  /** A PDF viewer. @example st.pdf(reportBytes, { height: 800 }) */
  pdf(
    this: Drawable,
    pdf: MediaInput,
    options: MediaOptions & { height?: number } = {},
  ): ElementHandle {
    const target = this[TARGET];
    return emitMedia(
      target,
      "pdf",
      withSrc(target, pdf, { mime: "application/pdf", ...options }, (src) => src),
      (src) => ({ src, height: options.height ?? 600 }),
    );
  },
  /**
   * The app's logo, shown at the top of the sidebar. Its `link` takes what a link button does:
   * http(s), mailto:, tel: or a relative URL.
   * @example st.logo(logoPng, { link: "https://example.com" })
   */
  logo(
    this: Drawable,
    image: MediaInput,
    options: MediaOptions & { link?: string; iconImage?: MediaInput } = {},
  ): ElementHandle {
    const problem = options.link === undefined ? undefined : linkUrlProblem(options.link);
    if (problem) throw new EdgelitApiError(`logo: link: ${problem}.`);
    // Wherever it is called, the logo belongs to the sidebar.
    const target = this[TARGET].block([ROOTS.sidebar]);
    const icon =
      options.iconImage === undefined
        ? undefined
        : withSrc(target, options.iconImage, options, (src) => src);
    return emitMedia(
      target,
      "logo",
      all([withSrc(target, image, options, (src) => src), icon] as const),
      ([src, iconSrc]) => ({
        src,
        ...(options.link !== undefined && { link: options.link }),
        ...(iconSrc !== undefined && { iconSrc }),
      }),
    );
  },
};

type Later<T> = T | Promise<T>;

/** The width an image element carries: pixels or "stretch"; nothing for the default. */
function imageWidth(width: ImageOptions["width"]): number | "stretch" | undefined {
  if (width === undefined || width === "content") return undefined;
  if (width === "stretch") return width;
  if (typeof width === "number" && Number.isFinite(width) && width > 0) return width;
  throw new EdgelitApiError(
    `st.image: width must be "content", "stretch" or a number of pixels above 0; got ${JSON.stringify(width)}.`,
  );
}

function withSrc<T>(
  target: ElementTarget,
  input: MediaInput,
  options: MediaOptions,
  make: (src: string) => T,
): Later<T> {
  const src = mediaSource(target.run, input, options);
  return typeof src === "string" ? make(src) : src.then(make);
}

/** Every value at once, or a promise when any of them must wait. */
function all<T extends readonly unknown[]>(values: { [K in keyof T]: Later<T[K]> }): Later<T> {
  return values.some((value) => value instanceof Promise)
    ? (Promise.all(values) as Promise<T>)
    : (values as unknown as T);
}

function emitMedia<K extends ElementKind, T>(
  target: ElementTarget,
  kind: K,
  parts: Later<T>,
  props: (parts: T) => ElementPropsByKind[K],
): ElementHandle {
  return parts instanceof Promise
    ? drawElementLater(target, kind, parts.then(props))
    : drawElement(target, kind, props(parts));
}

function playback(options: PlaybackOptions) {
  return {
    ...(options.startTime !== undefined && { startTime: options.startTime }),
    ...(options.endTime !== undefined && { endTime: options.endTime }),
    ...(options.loop && { loop: true }),
    ...(options.autoplay && { autoplay: true }),
  };
}

function subtitleTracks(subtitles: VideoOptions["subtitles"]): [string, MediaInput][] {
  if (subtitles === undefined) return [];
  const isSingle =
    typeof subtitles === "string" ||
    subtitles instanceof Uint8Array ||
    subtitles instanceof ArrayBuffer ||
    (typeof Blob !== "undefined" && subtitles instanceof Blob) ||
    "bytes" in subtitles;
  return isSingle
    ? [["Subtitles", subtitles as MediaInput]]
    : Object.entries(subtitles as Record<string, MediaInput>);
}
