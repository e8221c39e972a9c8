import { Show, createSignal, onCleanup } from "solid-js";
import type { UploadedFileRef } from "../../../../src/protocol/index.ts";

export type DeviceOutcome = { ok: true; stream: MediaStream } | { ok: false; message: string };

/**
 * Asks for the camera or microphone, turning the browser's errors into a
 * sentence the user can act on.
 *
 * @example
 * const device = await openDevice({ video: true }, "camera");
 * if (!device.ok) showError(device.message);
 */
export async function openDevice(
  constraints: MediaStreamConstraints,
  device: "camera" | "microphone",
): Promise<DeviceOutcome> {
  if (!navigator.mediaDevices?.getUserMedia) {
    return {
      ok: false,
      message: `This page cannot use the ${device}: browsers allow it only over HTTPS or on localhost.`,
    };
  }
  try {
    return { ok: true, stream: await navigator.mediaDevices.getUserMedia(constraints) };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "NotAllowedError" || name === "SecurityError") {
      return {
        ok: false,
        message: `Access to the ${device} was denied. Allow it in the browser's site settings, then try again.`,
      };
    }
    if (name === "NotFoundError" || name === "OverconstrainedError")
      return { ok: false, message: `No ${device} was found.` };
    if (name === "NotReadableError")
      return { ok: false, message: `The ${device} is in use by another application.` };
    return {
      ok: false,
      message: `Could not start the ${device}${error instanceof Error ? `: ${error.message}` : ""}.`,
    };
  }
}

/** Turns the device off (the browser's "in use" light goes out). */
export function stopStream(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/**
 * The blob this tab captured, kept as an object URL for as long as the widget
 * holds its upload. After a reload only the stored file's name is known.
 *
 * @example
 * const capture = createLocalCapture();
 * capture.keep(stored.id, blob);
 * <Show when={capture.urlFor(files()[0])}>{(url) => <img src={url()} />}</Show>
 */
export function createLocalCapture() {
  const [captured, setCaptured] = createSignal<{ id: string; url: string }>();
  const release = () => {
    const previous = captured();
    if (previous) URL.revokeObjectURL(previous.url);
    setCaptured(undefined);
  };
  onCleanup(release);
  return {
    keep(id: string, blob: Blob) {
      release();
      setCaptured({ id, url: URL.createObjectURL(blob) });
    },
    urlFor(file: UploadedFileRef | undefined): string | undefined {
      const current = captured();
      return current && file?.id === current.id ? current.url : undefined;
    },
  };
}

/** The "Uploading…" note next to a capture's buttons. */
export function Uploading(props: { when: boolean }) {
  return (
    <Show when={props.when}>
      <span class="uploading" role="status">
        <span class="spinner" aria-hidden="true" /> Uploading…
      </span>
    </Show>
  );
}
