import type { WidgetKind } from "../../protocol/index.ts";
import type { WidgetSpec } from "../../session/record.ts";
import { describe, fromCheck, indexOfOption, isIndex, ok, refuse, type WidgetCodec } from "./codec-kit.ts";
import { pickerCodecs } from "./picker-codecs.ts";

export { describe, indexOfOption, sameValue, type Decoded, type WidgetCodec } from "./codec-kit.ts";

const booleanCheck = (value: unknown) => (typeof value === "boolean" ? undefined : `expected true or false, got ${describe(value)}`);

function numberCheck(value: unknown, spec: WidgetSpec): string | undefined {
  if (value === null && spec.nullable) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) return `expected a number, got ${describe(value)}`;
  if (spec.integer && !Number.isInteger(value)) return `expected a whole number, got ${value}`;
  if (spec.min !== undefined && value < spec.min) return `${value} is below the minimum ${spec.min}`;
  if (spec.max !== undefined && value > spec.max) return `${value} is above the maximum ${spec.max}`;
  return undefined;
}

function sliderCheck(value: unknown, spec: WidgetSpec): string | undefined {
  if (!spec.range) return Array.isArray(value) ? "expected one number, got a range" : numberCheck(value, spec);
  if (!Array.isArray(value) || value.length !== 2) return `expected a range [low, high], got ${describe(value)}`;
  const reason = numberCheck(value[0], spec) ?? numberCheck(value[1], spec);
  if (reason) return reason;
  return (value[0] as number) <= (value[1] as number) ? undefined : `the range's low end ${value[0]} is above its high end ${value[1]}`;
}

function textCheck(value: unknown, spec: WidgetSpec): string | undefined {
  if (typeof value !== "string") return `expected text, got ${describe(value)}`;
  if (spec.maxChars !== undefined && value.length > spec.maxChars) return `text is longer than ${spec.maxChars} characters`;
  return undefined;
}

/** Single choice: the client sends an index; the app sees the option itself. */
const singleChoice: WidgetCodec = {
  fromClient(raw, spec) {
    const options = spec.options ?? [];
    if (raw === null && spec.nullable) return ok(null);
    if (!isIndex(raw, options.length)) return refuse(`expected an option number from 0 to ${options.length - 1}, got ${describe(raw)}`);
    return ok(options[raw]);
  },
  check(value, spec) {
    if (value === null && spec.nullable) return undefined;
    return indexOfOption(spec.options ?? [], value) === -1 ? `${describe(value)} is not one of the options` : undefined;
  },
};

const multiChoice: WidgetCodec = {
  fromClient(raw, spec) {
    const options = spec.options ?? [];
    if (!Array.isArray(raw) || !raw.every((index) => isIndex(index, options.length))) {
      return refuse(`expected a list of option numbers from 0 to ${options.length - 1}, got ${describe(raw)}`);
    }
    if (new Set(raw).size !== raw.length) return refuse("an option was chosen twice");
    if (spec.maxSelections !== undefined && raw.length > spec.maxSelections) return refuse(`at most ${spec.maxSelections} options may be chosen`);
    return ok(raw.map((index: number) => options[index]));
  },
  check(value, spec) {
    if (!Array.isArray(value)) return `expected a list of options, got ${describe(value)}`;
    const missing = value.find((item) => indexOfOption(spec.options ?? [], item) === -1);
    if (missing !== undefined) return `${describe(missing)} is not one of the options`;
    if (spec.maxSelections !== undefined && value.length > spec.maxSelections) return `at most ${spec.maxSelections} options may be chosen`;
    return undefined;
  },
};

/** Pills and segmented controls: one option or none, or with `multiple` a list of options. */
const buttonGroup: WidgetCodec = {
  fromClient: (raw, spec) => (spec.multiple ? multiChoice : singleChoice).fromClient(raw, spec),
  check: (value, spec) => (spec.multiple ? multiChoice : singleChoice).check(value, spec),
};

/** A chat message: text, not empty, within `maxChars`. Between submissions the widget holds null. */
const chatInput: WidgetCodec = {
  fromClient(raw, spec) {
    if (raw === "") return refuse("a chat message cannot be empty");
    const reason = textCheck(raw, spec);
    return reason === undefined ? ok(raw) : refuse(reason);
  },
  check: (value, spec) => (value === null ? undefined : textCheck(value, spec)),
};

const button: WidgetCodec = {
  fromClient: (raw) => (raw === true ? ok(true) : refuse(`a button click is sent as true, got ${describe(raw)}`)),
  check: () => undefined,
};

/**
 * Upload widgets: the server has already turned the client's file ids into
 * file refs (or into `{ refused }` when an id is not this widget's).
 */
const uploads: WidgetCodec = {
  fromClient(raw, spec) {
    if (raw && typeof raw === "object" && "refused" in raw) return refuse(String((raw as { refused: string }).refused));
    const problem = uploadsCheck(raw, spec);
    return problem === undefined ? ok(raw) : refuse(problem);
  },
  check: (value, spec) => uploadsCheck(value, spec),
};

function uploadsCheck(value: unknown, spec: WidgetSpec): string | undefined {
  if (!Array.isArray(value) || !value.every(isFileRef)) return `expected a list of uploaded files, got ${describe(value)}`;
  if (!spec.multiple && value.length > 1) return "this widget holds one file";
  return undefined;
}

function isFileRef(value: unknown): boolean {
  const ref = value as Record<string, unknown> | null;
  return !!ref && typeof ref.id === "string" && typeof ref.name === "string" && typeof ref.size === "number" && typeof ref.type === "string";
}

/**
 * Trigger widgets: the value their event sends (a click's `true`, a chat
 * message's text) holds for exactly the one run that event causes; otherwise,
 * and in the stored record, they hold their idle value.
 */
const TRIGGER_IDLE_VALUES: Partial<Record<WidgetKind, unknown>> = { button: false, downloadButton: false, chatInput: null, formSubmitButton: false };

/** Widgets whose value lasts one run: buttons, download buttons, form submit buttons, the chat input. */
export function isTriggerKind(kind: WidgetKind): boolean {
  return Object.hasOwn(TRIGGER_IDLE_VALUES, kind);
}

/** A trigger widget's value when its event is not the one being run: false for buttons, null for the chat input. */
export function idleTriggerValue(kind: WidgetKind): unknown {
  return TRIGGER_IDLE_VALUES[kind];
}

/** Widgets whose value is uploaded files. */
export function isUploadKind(kind: WidgetKind): boolean {
  return kind === "fileUploader" || kind === "cameraInput" || kind === "audioInput";
}

/** The codec of every widget kind. */
export const widgetCodecs = {
  button,
  checkbox: { fromClient: fromCheck(booleanCheck), check: booleanCheck },
  toggle: { fromClient: fromCheck(booleanCheck), check: booleanCheck },
  slider: { fromClient: fromCheck(sliderCheck), check: sliderCheck },
  textInput: { fromClient: fromCheck(textCheck), check: textCheck },
  textArea: { fromClient: fromCheck(textCheck), check: textCheck },
  numberInput: { fromClient: fromCheck(numberCheck), check: numberCheck },
  selectbox: singleChoice,
  radio: singleChoice,
  multiselect: multiChoice,
  downloadButton: button,
  fileUploader: uploads,
  cameraInput: uploads,
  audioInput: uploads,
  chatInput,
  formSubmitButton: button,
  ...pickerCodecs,
  pills: buttonGroup,
  segmentedControl: buttonGroup,
  // Its options are the ratings themselves (0, 1, ...), so an index is its own value.
  feedback: singleChoice,
} satisfies Record<WidgetKind, WidgetCodec>;
