import { TARGET, type Drawable } from "../core/target.ts";
import { button, buttonKind, type ButtonOptions } from "./button.ts";
import { checkbox, checkboxKind, toggleKind, type CheckboxOptions } from "./checkbox.ts";
import { numberInput, type NumberInputOptions } from "./number-input.ts";
import {
  multiselect,
  radioKind,
  selectboxKind,
  singleChoice,
  type MultiselectOptions,
  type SingleChoiceOptions,
} from "./selection.ts";
import { slider, type SliderOptions } from "./slider.ts";
import { textArea, textInput, type TextAreaOptions, type TextInputOptions } from "./text-input.ts";
import { downloadButton, type DownloadButtonOptions } from "./download-button.ts";
import {
  audioInput,
  cameraInput,
  fileUploader,
  type CaptureOptions,
  type FileUploaderOptions,
} from "./uploads.ts";
import { pickerMethods } from "./picker-methods.ts";
import { datetimeInputMethods } from "./datetime-input.ts";
import type { MediaInput } from "../../media/media-source.ts";
import type { UploadedFile } from "../../media/uploaded-file.ts";

export type { CaptureOptions, DownloadButtonOptions, FileUploaderOptions };
export type {
  ButtonOptions,
  CheckboxOptions,
  MultiselectOptions,
  NumberInputOptions,
  SingleChoiceOptions,
  SliderOptions,
  TextAreaOptions,
  TextInputOptions,
};
export type { WidgetOptions } from "./common.ts";
export type {
  ColorPickerOptions,
  DateInputOptions,
  DateLike,
  SelectSliderOptions,
  TimeInputOptions,
} from "./picker-methods.ts";
export type { DatetimeInputOptions, DateTimeLike } from "./datetime-input.ts";

/** The widgets. Each returns its current value synchronously. */
export const inputMethods = {
  /** A button; true for exactly the run its click causes. @example if (st.button("Go")) go(); */
  button(this: Drawable, label: string, options?: ButtonOptions): boolean {
    return button(this[TARGET], buttonKind, label, options);
  },
  /** A checkbox. @example const show = st.checkbox("Show details"); */
  checkbox(this: Drawable, label: string, options?: CheckboxOptions): boolean {
    return checkbox(this[TARGET], checkboxKind, label, options);
  },
  /** An on/off switch. @example const dark = st.toggle("Dark mode"); */
  toggle(this: Drawable, label: string, options?: CheckboxOptions): boolean {
    return checkbox(this[TARGET], toggleKind, label, options);
  },
  /**
   * A slider: a number, or a `[low, high]` range when `value` is a pair.
   * @example const [lo, hi] = st.slider("Price", { min: 0, max: 100, value: [20, 80] });
   */
  slider<Value extends number | [number, number] = number>(
    this: Drawable,
    label: string,
    options?: SliderOptions<Value>,
  ): Value {
    return slider(this[TARGET], label, options);
  },
  /** A one-line text field. @example const name = st.textInput("Name"); */
  textInput(this: Drawable, label: string, options?: TextInputOptions): string {
    return textInput(this[TARGET], label, options);
  },
  /** A multi-line text field. @example const bio = st.textArea("Bio"); */
  textArea(this: Drawable, label: string, options?: TextAreaOptions): string {
    return textArea(this[TARGET], label, options);
  },
  /** A number field; null when `value: null` and left empty. @example const n = st.numberInput("N", { min: 1 }); */
  numberInput<Value extends number | null = number>(
    this: Drawable,
    label: string,
    options?: NumberInputOptions<Value>,
  ): Value {
    return numberInput(this[TARGET], label, options);
  },
  /**
   * A drop-down that returns the chosen option (null with `index: null` until one is chosen).
   * @example const city = st.selectbox("City", ["Oslo", "Lima"]);
   */
  selectbox<Option>(
    this: Drawable,
    label: string,
    options: readonly Option[],
    settings?: SingleChoiceOptions<Option>,
  ): Option {
    return singleChoice(this[TARGET], selectboxKind, label, options, settings) as Option;
  },
  /** A radio group that returns the chosen option. @example const size = st.radio("Size", ["S", "M", "L"]); */
  radio<Option>(
    this: Drawable,
    label: string,
    options: readonly Option[],
    settings?: SingleChoiceOptions<Option>,
  ): Option {
    return singleChoice(this[TARGET], radioKind, label, options, settings) as Option;
  },
  /** A multiple-choice field. @example const tags = st.multiselect("Tags", ["a", "b"]); */
  multiselect<Option>(
    this: Drawable,
    label: string,
    options: readonly Option[],
    settings?: MultiselectOptions<Option>,
  ): Option[] {
    return multiselect(this[TARGET], label, options, settings);
  },
  /**
   * A button that downloads data (text, bytes or a Blob); true for the run its click causes.
   * @example st.downloadButton("Download CSV", csv, { fileName: "data.csv", mime: "text/csv" })
   */
  downloadButton(
    this: Drawable,
    label: string,
    data: string | MediaInput,
    options?: DownloadButtonOptions,
  ): boolean {
    return downloadButton(this[TARGET], label, data, options);
  },
  /**
   * A file picker; its file (or, with `multiple`, its files) can be read with `bytes()` or `text()`.
   * @example const csv = st.fileUploader("Data", { type: "csv" }); if (csv) st.write(await csv.text());
   */
  fileUploader: fileUploaderMethod,
  /** A photo from the browser's camera. @example const photo = st.cameraInput("Photo"); if (photo) st.image(photo); */
  cameraInput(this: Drawable, label: string, options?: CaptureOptions): UploadedFile | null {
    return cameraInput(this[TARGET], label, options);
  },
  /** A recording from the microphone. @example const memo = st.audioInput("Memo"); if (memo) st.audio(memo); */
  audioInput(this: Drawable, label: string, options?: CaptureOptions): UploadedFile | null {
    return audioInput(this[TARGET], label, options);
  },
  ...pickerMethods,
  ...datetimeInputMethods,
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
  options?: FileUploaderOptions,
): UploadedFile | UploadedFile[] | null {
  return fileUploader(this[TARGET], label, options as FileUploaderOptions);
}
