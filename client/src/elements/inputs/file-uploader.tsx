import { For, Show, createSignal } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { formatBytes } from "./upload.ts";
import { createUploadValue } from "./upload-value.ts";
import { WidgetError, WidgetLabel, inputId } from "./widget-label.tsx";

/**
 * A drop zone and a "Browse files" button over a file input named by the
 * label. Files are checked here, posted to the upload route, and the widget
 * then sends the ids it holds; each held file can be removed.
 */
export function FileUploader(props: ElementProps<"fileUploader">) {
  const upload = createUploadValue(() => props.el);
  const [dragging, setDragging] = createSignal(false);
  let input!: HTMLInputElement;
  const blocked = () => props.el.disabled === true || upload.uploading();
  const limits = () =>
    [
      `Limit ${formatBytes(props.el.maxBytes)} per file`,
      ...(props.el.accept?.length ? [props.el.accept.join(", ")] : []),
    ].join(" • ");

  function pick(files: FileList | null | undefined) {
    const picked = [...(files ?? [])];
    void upload.add(props.el.multiple ? picked : picked.slice(0, 1), { append: props.el.multiple });
  }

  return (
    <div class="uploader">
      <WidgetLabel
        for={inputId(props.el.id)}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
      />
      <div
        class="dropzone"
        classList={{ dragging: dragging(), disabled: props.el.disabled === true }}
        onDragOver={(event) => {
          event.preventDefault();
          if (!blocked()) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (!blocked()) pick(event.dataTransfer?.files);
        }}
      >
        <svg class="upload-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 16V4m0 0-5 5m5-5 5 5M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4" />
        </svg>
        <div class="dropzone-text">
          <Show
            when={upload.uploading()}
            fallback={<span>Drag and drop {props.el.multiple ? "files" : "a file"} here</span>}
          >
            <span role="status">
              <span class="spinner" aria-hidden="true" /> Uploading…
            </span>
          </Show>
          <small>{limits()}</small>
        </div>
        {/* The input is what the label names (and what tests fill); the button opens it. */}
        <input
          ref={input}
          type="file"
          id={inputId(props.el.id)}
          class="visually-hidden"
          tabIndex={-1}
          accept={props.el.accept?.join(",")}
          multiple={props.el.multiple}
          disabled={blocked()}
          onChange={(event) => {
            pick(event.currentTarget.files);
            event.currentTarget.value = ""; // picking the same file again is a new pick
          }}
        />
        <button
          type="button"
          class="button secondary"
          disabled={blocked()}
          onClick={() => input.click()}
        >
          Browse files
        </button>
      </div>
      <WidgetError message={upload.error()} />
      <ul class="file-list">
        <For each={upload.files()}>
          {(file) => (
            <li class="file">
              <svg class="file-icon" viewBox="0 0 24 24" aria-hidden="true">
                <path d="M14 3H6a1 1 0 0 0-1 1v16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8zm0 0v5h5" />
              </svg>
              <span class="file-name">{file.name}</span>
              <small class="file-size">{formatBytes(file.size)}</small>
              <button
                type="button"
                class="remove"
                aria-label={`Remove ${file.name}`}
                disabled={blocked()}
                onClick={() => upload.set(upload.files().filter((other) => other.id !== file.id))}
              >
                ×
              </button>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
