import { Show, createSignal, onCleanup } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { Uploading, createLocalCapture, openDevice, stopStream } from "./capture.tsx";
import { createUploadValue } from "./upload-value.ts";
import { WidgetError, WidgetLabel, inputId } from "./widget-label.tsx";

/**
 * A recording from the microphone: start, stop (the recording is uploaded
 * like a file), listen, clear. The wire value is `[id]`, or `[]` once cleared.
 */
export function AudioInput(props: ElementProps<"audioInput">) {
  const upload = createUploadValue(() => props.el);
  const capture = createLocalCapture();
  const [recorder, setRecorder] = createSignal<MediaRecorder>();
  const [opening, setOpening] = createSignal(false);
  const labelId = () => `${inputId(props.el.id)}-label`;
  const recording = () => upload.files()[0];
  const blocked = () => props.el.disabled === true || upload.uploading();

  onCleanup(() => {
    const active = recorder();
    if (!active) return;
    active.onstop = null; // leaving the page: nothing to upload
    active.stop();
    stopStream(active.stream);
  });

  async function start() {
    upload.showError(undefined);
    if (typeof MediaRecorder === "undefined")
      return upload.showError("This browser cannot record audio.");
    setOpening(true);
    const device = await openDevice({ audio: true }, "microphone");
    setOpening(false);
    if (!device.ok) return upload.showError(device.message);
    const mimeType = MediaRecorder.isTypeSupported("audio/webm") ? "audio/webm" : "";
    const active = new MediaRecorder(device.stream, mimeType ? { mimeType } : undefined);
    const chunks: Blob[] = [];
    active.ondataavailable = (event) => chunks.push(event.data);
    active.onstop = () => {
      stopStream(device.stream);
      setRecorder(undefined);
      // Safari records MP4; the type without its codecs is what the server checks.
      const type = active.mimeType.split(";")[0] || "audio/webm";
      void send(
        new Blob(chunks, { type }),
        type.includes("mp4") ? "recording.mp4" : "recording.webm",
      );
    };
    active.start();
    setRecorder(active);
  }

  async function send(blob: Blob, name: string) {
    if (blob.size === 0) return upload.showError("The recording is empty; try again.");
    const [stored] = await upload.add([new File([blob], name, { type: blob.type })], {
      append: false,
    });
    if (stored) capture.keep(stored.id, blob);
  }

  return (
    <div class="capture" role="group" aria-labelledby={labelId()}>
      <WidgetLabel
        id={labelId()}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
      />
      <Show
        when={recording()}
        fallback={
          <div class="button-row">
            <Show
              when={recorder()}
              fallback={
                <button
                  type="button"
                  class="button secondary"
                  disabled={blocked() || opening()}
                  onClick={start}
                >
                  Start recording
                </button>
              }
            >
              {(active) => (
                <>
                  <button type="button" class="button primary" onClick={() => active().stop()}>
                    Stop recording
                  </button>
                  <span class="recording-dot" role="status">
                    Recording…
                  </span>
                </>
              )}
            </Show>
            <Uploading when={upload.uploading()} />
          </div>
        }
      >
        {(held) => (
          <div class="capture-stage">
            <Show when={capture.urlFor(held())} fallback={<p class="file-name">{held().name}</p>}>
              {(url) => <audio controls src={url()} />}
            </Show>
            <button
              type="button"
              class="button secondary"
              disabled={blocked()}
              onClick={() => upload.set([])}
            >
              Clear recording
            </button>
          </div>
        )}
      </Show>
      <WidgetError message={upload.error()} />
    </div>
  );
}
