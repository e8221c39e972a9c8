import { buttonMethods } from "./button.ts";
import { buttonGroupMethods } from "./button-group.ts";
import { checkboxMethods } from "./checkbox.ts";
import { colorPickerMethods } from "./color-picker.ts";
import { dateInputMethods } from "./date-input.ts";
import { datetimeInputMethods } from "./datetime-input.ts";
import { downloadButtonMethods } from "./download-button.ts";
import { feedbackRatingMethods } from "./feedback-rating.ts";
import { linkButtonMethods } from "./link-button.ts";
import { numberInputMethods } from "./number-input.ts";
import { selectSliderMethods } from "./select-slider.ts";
import { selectionMethods } from "./selection.ts";
import { sliderMethods } from "./slider.ts";
import { textInputMethods } from "./text-input.ts";
import { timeInputMethods } from "./time-input.ts";
import { uploadMethods } from "./uploads.ts";

export type { ButtonOptions } from "./button.ts";
export type {
  ButtonGroupOptions,
  MultiButtonGroupOptions,
  SingleButtonGroupOptions,
} from "./button-group.ts";
export type { CheckboxOptions } from "./checkbox.ts";
export type { ColorPickerOptions } from "./color-picker.ts";
export type { WidgetOptions } from "./common.ts";
export type { DateInputOptions, DateLike } from "./date-input.ts";
export type { DatetimeInputOptions, DateTimeLike } from "./datetime-input.ts";
export type { DownloadButtonOptions } from "./download-button.ts";
export type { FeedbackOptions } from "./feedback-rating.ts";
export type { LinkButtonOptions } from "./link-button.ts";
export type { NumberInputOptions } from "./number-input.ts";
export type { SelectSliderOptions } from "./select-slider.ts";
export type { MultiselectOptions, SingleChoiceOptions } from "./selection.ts";
export type { SliderOptions } from "./slider.ts";
export type { TextAreaOptions, TextInputOptions } from "./text-input.ts";
export type { TimeInputOptions } from "./time-input.ts";
export type { CaptureOptions, FileUploaderOptions } from "./uploads.ts";

/**
 * The widgets, and the link button: each kind's methods, from its own file. Each widget
 * returns its current value synchronously.
 */
export const inputMethods = {
  ...buttonMethods,
  ...checkboxMethods,
  ...sliderMethods,
  ...textInputMethods,
  ...numberInputMethods,
  ...selectionMethods,
  ...downloadButtonMethods,
  ...uploadMethods,
  ...selectSliderMethods,
  ...dateInputMethods,
  ...timeInputMethods,
  ...colorPickerMethods,
  ...datetimeInputMethods,
  ...buttonGroupMethods,
  ...feedbackRatingMethods,
  ...linkButtonMethods,
};
