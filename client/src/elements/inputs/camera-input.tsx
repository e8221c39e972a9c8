import { Show, createSignal, onCleanup } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { Uploading, createLocalCapture, openDevice, stopStream } from "./capture.tsx";
import { createUploadValue } from "./upload-value.ts";
import { WidgetError, WidgetLabel, inputId } from "./widget-label.tsx";

/**
 * A photo from the camera: open it, take a photo (a JPEG uploaded like a
 * file), see it, clear it. The wire value is `[id]`, or `[]` once cleared.
 */
export function CameraInput(props: ElementProps<"cameraInput">) {
  const upload = createUploadValue(() => props.el);
  const capture = createLocalCapture();
  const [stream, setStream] = createSignal<MediaStream>();
  const [opening, setOpening] = createSignal(false);
  /** The live view has a picture: until then there is nothing to take. */
  const [hasPicture, setHasPicture] = createSignal(false);
  let video: HTMLVideoElement | undefined;
  const labelId = () => `${inputId(props.el.id)}-label`;
  const photo = () => upload.files()[0];
  const blocked = () => props.el.disabled === true || upload.uploading();

  function close() {
    stopStream(stream());
    setStream(undefined);
    setHasPicture(false);
  }
  onCleanup(close);

  async function open() {
    upload.showError(undefined);
    setOpening(true);
    const device = await openDevice({ video: true }, "camera");
    setOpening(false);
    if (device.ok) setStream(device.stream);
    else upload.showError(device.message);
  }

  async function takePhoto() {
    if (!video || video.videoWidth === 0)
      return upload.showError("The camera has no picture yet; try again.");
    const canvas = document.createElement("canvas");
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext("2d")?.drawImage(video, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, "image/jpeg", 0.9),
    );
    if (!blob) return upload.showError("Could not take the photo; try again.");
    const [stored] = await upload.add([new File([blob], "photo.jpg", { type: "image/jpeg" })], {
      append: false,
    });
    if (!stored) return; // the error shows; the camera stays open for another try
    capture.keep(stored.id, blob);
    close();
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
        when={photo()}
        fallback={
          <Show
            when={stream()}
            fallback={
              <button
                type="button"
                class="button secondary"
                disabled={blocked() || opening()}
                onClick={open}
              >
                {opening() ? "Opening camera…" : "Open camera"}
              </button>
            }
          >
            {(live) => (
              <div class="capture-stage">
                <video
                  class="capture-view"
                  ref={(element) => {
                    video = element;
                    element.srcObject = live();
                  }}
                  autoplay
                  muted
                  playsinline
                  onLoadedData={() => setHasPicture(true)}
                />
                <div class="button-row">
                  <button
                    type="button"
                    class="button primary"
                    disabled={blocked() || !hasPicture()}
                    onClick={takePhoto}
                  >
                    Take photo
                  </button>
                  <button
                    type="button"
                    class="button tertiary"
                    disabled={blocked()}
                    onClick={close}
                  >
                    Close camera
                  </button>
                  <Uploading when={upload.uploading()} />
                </div>
              </div>
            )}
          </Show>
        }
      >
        {(taken) => (
          <div class="capture-stage">
            <Show when={capture.urlFor(taken())} fallback={<p class="file-name">{taken().name}</p>}>
              {(url) => <img class="capture-view" src={url()} alt="The photo taken" />}
            </Show>
            <button
              type="button"
              class="button secondary"
              disabled={blocked()}
              onClick={() => upload.set([])}
            >
              Clear photo
            </button>
          </div>
        )}
      </Show>
      <WidgetError message={upload.error()} />
    </div>
  );
}
