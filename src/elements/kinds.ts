import type { WidgetKind } from "../protocol/index.ts";
import type { WidgetRuleTable, WidgetRules } from "../runner/widget-rules.ts";
import { chatInputKind } from "./chat/chat.ts";
import { declaredComponentKind } from "./components/component-value.ts";
import { componentTriggerKind, inlineComponentKind } from "./components/inline-values.ts";
import { dataframeKind } from "./data/dataframe-selection.ts";
import { dataEditorKind } from "./data/edit-diff.ts";
import { vegaLiteChartKind } from "./charts/vega-selection.ts";
import type { WidgetKindDefinition } from "./core/widget-kind.ts";
import { plotlyChartKind } from "./charts/plotly-selection.ts";
import { mapKind } from "./charts/map-selection.ts";
import { pillsKind, segmentedControlKind } from "./inputs/button-group.ts";
import { buttonKind, formSubmitButtonKind } from "./inputs/button.ts";
import { checkboxKind, toggleKind } from "./inputs/checkbox.ts";
import { colorPickerKind } from "./inputs/color-picker.ts";
import { dateInputKind } from "./inputs/date-input.ts";
import { datetimeInputKind } from "./inputs/datetime-input.ts";
import { downloadButtonKind } from "./inputs/download-button.ts";
import { feedbackKind } from "./inputs/feedback-rating.ts";
import { numberInputKind } from "./inputs/number-input.ts";
import { selectSliderKind } from "./inputs/select-slider.ts";
import { multiselectKind, radioKind, selectboxKind } from "./inputs/selection.ts";
import { sliderKind } from "./inputs/slider.ts";
import { textAreaKind, textInputKind } from "./inputs/text-input.ts";
import { timeInputKind } from "./inputs/time-input.ts";
import { audioInputKind, cameraInputKind, fileUploaderKind } from "./inputs/uploads.ts";

/**
 * Every widget kind's definition, by kind. The compiler closes the table: a
 * kind of the protocol without an entry here, or an entry under another
 * kind's name, fails the type check. What used to be lists (codecs, trigger
 * kinds, upload kinds, kinds a form refuses, the AppTest accessors) derive
 * from it; the runner receives it through ScriptHost.
 */
export const widgetKinds = {
  button: buttonKind,
  checkbox: checkboxKind,
  toggle: toggleKind,
  slider: sliderKind,
  textInput: textInputKind,
  textArea: textAreaKind,
  numberInput: numberInputKind,
  selectbox: selectboxKind,
  radio: radioKind,
  multiselect: multiselectKind,
  selectSlider: selectSliderKind,
  dateInput: dateInputKind,
  timeInput: timeInputKind,
  datetimeInput: datetimeInputKind,
  colorPicker: colorPickerKind,
  downloadButton: downloadButtonKind,
  fileUploader: fileUploaderKind,
  cameraInput: cameraInputKind,
  audioInput: audioInputKind,
  chatInput: chatInputKind,
  formSubmitButton: formSubmitButtonKind,
  pills: pillsKind,
  segmentedControl: segmentedControlKind,
  feedback: feedbackKind,
  dataframe: dataframeKind,
  dataEditor: dataEditorKind,
  vegaLiteChart: vegaLiteChartKind,
  plotlyChart: plotlyChartKind,
  map: mapKind,
  component: declaredComponentKind,
  inlineComponent: inlineComponentKind,
  componentTrigger: componentTriggerKind,
} as const satisfies {
  readonly [K in WidgetKind]: WidgetKindDefinition<K, never>;
} & WidgetRuleTable;

/** Every widget kind, in the table's order. */
export const WIDGET_KINDS = Object.keys(widgetKinds) as WidgetKind[];

/** The definition of a kind, or undefined for a name that is no widget kind (a stored record can hold anything). */
function definitionOf(kind: string): WidgetRules | undefined {
  return Object.hasOwn(widgetKinds, kind) ? widgetKinds[kind as WidgetKind] : undefined;
}

/** True for kinds whose value lasts one run (buttons, the chat input). */
export function isTriggerKind(kind: WidgetKind): boolean {
  return definitionOf(kind)?.trigger !== undefined;
}

/** True for kinds whose value is uploaded files. */
export function isUploadKind(kind: WidgetKind): boolean {
  return definitionOf(kind)?.upload === true;
}
