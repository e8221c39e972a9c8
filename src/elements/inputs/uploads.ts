import {
  defineWidget,
  describe,
  ok,
  refuse,
  registerWidget,
  type WidgetCodec,
} from "../core/widget-kind.ts";
import { TARGET, type Drawable, type ElementTarget } from "../core/target.ts";
import type { UploadedFile } from "../../media/uploaded-file.ts";
import type { UploadedFileRef } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { baseProps, type WidgetOptions } from "./common.ts";

/** The largest upload a widget accepts unless it says otherwise: 200 MB, as in Streamlit. */
export const DEFAULT_MAX_UPLOAD_BYTES = 200_000_000;

/** Options of `fileUploader`. */
export interface FileUploaderOptions extends WidgetOptions {
  /** Accepted types: extensions ("csv", ".png") or MIME types ("image/*"). Default: any. */
  type?: string | string[];
  /** Hold several files; the widget then returns a list. */
  multiple?: boolean;
  /** The largest file accepted, in bytes. Default 200 MB. */
  maxBytes?: number;
}

/** Options of `cameraInput` and `audioInput`. */
export interface CaptureOptions extends WidgetOptions {
  /** The largest photo or recording accepted, in bytes. Default 200 MB. */
  maxBytes?: number;
}

/** The `st.fileUploader`, `st.cameraInput` and `st.audioInput` methods; part of `inputMethods`. */
export const uploadMethods = {
  /**
   * A file picker with drag and drop; its file (or, with `multiple`, its files) can be read
   * with `bytes()` or `text()`. Files are stored with the session, on whichever replica
   * receives them.
   * @example const csv = st.fileUploader("Data", { type: "csv" }); if (csv) st.write(await csv.text());
   */
  fileUploader: fileUploaderMethod,
  /** A photo from the browser's camera, uploaded like a file. @example const photo = st.cameraInput("Photo"); if (photo) st.image(photo); */
  cameraInput(this: Drawable, label: string, options: CaptureOptions = {}): UploadedFile | null {
    const target = this[TARGET];
    const [ref] = uploadWidget(target, cameraInputKind, label, options, {
      accept: ["image/*"],
      multiple: false,
    });
    return ref ? target.run.openUpload(ref) : null;
  },
  /** A recording from the microphone, uploaded like a file. @example const memo = st.audioInput("Memo"); if (memo) st.audio(memo); */
  audioInput(this: Drawable, label: string, options: CaptureOptions = {}): UploadedFile | null {
    const target = this[TARGET];
    const [ref] = uploadWidget(target, audioInputKind, label, options, {
      accept: ["audio/*"],
      multiple: false,
    });
    return ref ? target.run.openUpload(ref) : null;
  },
};

function fileUploaderMethod(
  this: Drawable,
  label: string,
  options: FileUploaderOptions & { multiple: true },
): UploadedFile[];
function fileUploaderMethod(
  this: Drawable,
  label: string,
  options?: FileUploaderOptions,
): UploadedFile | null;
function fileUploaderMethod(
  this: Drawable,
  label: string,
  options: FileUploaderOptions = {},
): UploadedFile | UploadedFile[] | null {
  const target = this[TARGET];
  const accept = normalizeAccept(options.type);
  const multiple = options.multiple ?? false;
  const refs = uploadWidget(target, fileUploaderKind, label, options, { accept, multiple });
  const files = refs.map((ref) => target.run.openUpload(ref));
  return multiple ? files : (files[0] ?? null);
}

function uploadWidget(
  target: ElementTarget,
  definition: typeof fileUploaderKind | typeof cameraInputKind | typeof audioInputKind,
  label: string,
  options: WidgetOptions & { maxBytes?: number },
  shape: { accept: string[] | undefined; multiple: boolean },
): UploadedFileRef[] {
  const kind = definition.kind;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  if (!(maxBytes > 0)) throw new EdgelitApiError(`${kind} "${label}": maxBytes must be above 0.`);
  const { id, value, shown } = registerWidget(target, definition, {
    label,
    key: options.key,
    identity: [shape.accept, shape.multiple, maxBytes],
    settings: {
      multiple: shape.multiple,
      maxBytes,
      ...(shape.accept && { accept: shape.accept }),
    },
    defaultValue: [] as UploadedFileRef[],
    onChange: options.onChange,
  });
  const props = baseProps(id, label, options, { maxBytes, files: shown });
  if (kind === "fileUploader")
    target.emit(
      kind,
      Object.assign(props, {
        multiple: shape.multiple,
        ...(shape.accept && { accept: shape.accept }),
      }),
    );
  else target.emit(kind, props);
  return value;
}

function normalizeAccept(type: string | string[] | undefined): string[] | undefined {
  if (type === undefined) return undefined;
  const list = (Array.isArray(type) ? type : [type])
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  return list.map((entry) => (entry.includes("/") || entry.startsWith(".") ? entry : `.${entry}`));
}

/** True when a file of this name and type is one `accept` allows (or there is no `accept`). */
export function isAccepted(accept: string[] | undefined, name: string, type: string): boolean {
  if (!accept?.length) return true;
  const lowerName = name.toLowerCase();
  const lowerType = type.toLowerCase();
  return accept.some((entry) =>
    entry.startsWith(".")
      ? lowerName.endsWith(entry)
      : entry.endsWith("/*")
        ? lowerType.startsWith(entry.slice(0, -1))
        : lowerType === entry,
  );
}

// --- The kinds ---

/** What checking an upload widget's files needs (the upload route checks type and size as they arrive). */
export interface UploadSettings {
  multiple: boolean;
  maxBytes: number;
  /** Accepted extensions (".csv") and MIME types ("image/*"). */
  accept?: string[];
}

/**
 * Upload widgets: the server has already turned the client's file ids into
 * file refs (or into `{ refused }` when an id is not this widget's).
 */
const uploadsCodec: WidgetCodec<UploadSettings> = {
  fromClient(raw, settings) {
    if (raw && typeof raw === "object" && "refused" in raw)
      return refuse(String((raw as { refused: string }).refused));
    const problem = uploadsCheck(raw, settings);
    return problem === undefined ? ok(raw) : refuse(problem);
  },
  check: (value, settings) => uploadsCheck(value, settings),
};

function uploadsCheck(value: unknown, settings: UploadSettings): string | undefined {
  if (!Array.isArray(value) || !value.every(isFileRef))
    return `expected a list of uploaded files, got ${describe(value)}`;
  if (!settings.multiple && value.length > 1) return "this widget holds one file";
  return undefined;
}

function isFileRef(value: unknown): boolean {
  const ref = value as Record<string, unknown> | null;
  return (
    !!ref &&
    typeof ref.id === "string" &&
    typeof ref.name === "string" &&
    typeof ref.size === "number" &&
    typeof ref.type === "string"
  );
}

/** The file picker kind. */
export const fileUploaderKind = defineWidget("fileUploader", { codec: uploadsCodec, upload: true });
/** The camera kind: one photo, uploaded like a file. */
export const cameraInputKind = defineWidget("cameraInput", { codec: uploadsCodec, upload: true });
/** The microphone kind: one recording, uploaded like a file. */
export const audioInputKind = defineWidget("audioInput", { codec: uploadsCodec, upload: true });
