import type { ElementKind } from "../../src/protocol/index.ts";
import type { ElementComponent } from "./elements/element-props.ts";
import { onDemand } from "./on-demand.ts";
import { Button } from "./elements/inputs/button.tsx";
import { Checkbox, Toggle } from "./elements/inputs/checkbox.tsx";
import { NumberInput } from "./elements/inputs/number-input.tsx";
import { Radio } from "./elements/inputs/radio.tsx";
import { Slider } from "./elements/inputs/slider.tsx";
import { TextArea, TextInput } from "./elements/inputs/text-input.tsx";
import { Form } from "./elements/forms/form.tsx";
import { FormSubmitButton } from "./elements/forms/form-submit-button.tsx";
import { Columns, Column } from "./elements/layout/columns.tsx";
import { Tab, Tabs } from "./elements/layout/tabs.tsx";
import { Container } from "./elements/layout/container.tsx";
import { Empty } from "./elements/layout/empty.tsx";
import { Expander } from "./elements/layout/expander.tsx";
import { Dialog } from "./elements/fragments/dialog.tsx";
import { Fragment } from "./elements/fragments/fragment.tsx";
import { Alert } from "./elements/status/alert.tsx";
import { Progress } from "./elements/status/progress.tsx";
import { Spinner } from "./elements/status/spinner.tsx";
import { Toast } from "./elements/status/toast.tsx";
import { Navigation } from "./elements/pages/navigation.tsx";
import { PageLink } from "./elements/pages/page-link.tsx";
import { PageConfig } from "./elements/pages/page-config.tsx";
import { Heading } from "./elements/text/heading.tsx";
import { Caption, Markdown } from "./elements/text/markdown.tsx";
import { Metric } from "./elements/text/metric.tsx";
import { Code } from "./elements/text/code.tsx";
import { Badge, Html, Latex } from "./elements/text/rich-text.tsx";
import { Divider, Text } from "./elements/text/text.tsx";
import { ComponentTrigger } from "./elements/components/component-trigger.tsx";

/**
 * Which component draws each element kind. A kind missing here fails the type
 * check. Kinds most pages never show load on demand, in their own chunks.
 */
export const registry = {
  heading: Heading,
  markdown: Markdown,
  caption: Caption,
  text: Text,
  code: Code,
  divider: Divider,
  json: onDemand(() => import("./elements/text/json.tsx").then((module) => module.Json)),
  metric: Metric,
  latex: Latex,
  html: Html,
  badge: Badge,
  alert: Alert,
  exception: onDemand(() =>
    import("./elements/status/exception.tsx").then((module) => module.Exception),
  ),
  progress: Progress,
  spinner: Spinner,
  toast: Toast,
  empty: Empty,
  image: onDemand(() => import("./elements/media/image.tsx").then((module) => module.Image)),
  audio: onDemand(() => import("./elements/media/audio.tsx").then((module) => module.Audio)),
  video: onDemand(() => import("./elements/media/video.tsx").then((module) => module.Video)),
  pdf: onDemand(() => import("./elements/media/pdf.tsx").then((module) => module.Pdf)),
  iframe: onDemand(() => import("./elements/media/iframe.tsx").then((module) => module.Iframe)),
  component: onDemand(() =>
    import("./elements/components/component-frame.tsx").then((module) => module.ComponentFrame),
  ),
  inlineComponent: onDemand(() =>
    import("./elements/components/inline-component.tsx").then((module) => module.InlineComponent),
  ),
  componentTrigger: ComponentTrigger,
  logo: onDemand(() => import("./elements/media/logo.tsx").then((module) => module.Logo)),
  table: onDemand(() => import("./elements/data/table.tsx").then((module) => module.Table)),
  dataframe: onDemand(() =>
    import("./elements/data/dataframe.tsx").then((module) => module.Dataframe),
  ),
  dataEditor: onDemand(() =>
    import("./elements/data/editor-grid.tsx").then((module) => module.DataEditor),
  ),
  vegaLiteChart: onDemand(() =>
    import("./elements/charts/vega-chart.tsx").then((module) => module.VegaLiteChart),
  ),
  button: Button,
  checkbox: Checkbox,
  toggle: Toggle,
  slider: Slider,
  textInput: TextInput,
  textArea: TextArea,
  numberInput: NumberInput,
  selectbox: onDemand(() =>
    import("./elements/inputs/selectbox.tsx").then((module) => module.Selectbox),
  ),
  radio: Radio,
  multiselect: onDemand(() =>
    import("./elements/inputs/multiselect.tsx").then((module) => module.Multiselect),
  ),
  selectSlider: onDemand(() =>
    import("./elements/inputs/select-slider.tsx").then((module) => module.SelectSlider),
  ),
  dateInput: onDemand(() =>
    import("./elements/inputs/date-input.tsx").then((module) => module.DateInput),
  ),
  timeInput: onDemand(() =>
    import("./elements/inputs/time-input.tsx").then((module) => module.TimeInput),
  ),
  datetimeInput: onDemand(() =>
    import("./elements/inputs/datetime-input.tsx").then((module) => module.DatetimeInput),
  ),
  colorPicker: onDemand(() =>
    import("./elements/inputs/color-picker.tsx").then((module) => module.ColorPicker),
  ),
  downloadButton: onDemand(() =>
    import("./elements/inputs/download-button.tsx").then((module) => module.DownloadButton),
  ),
  fileUploader: onDemand(() =>
    import("./elements/inputs/file-uploader.tsx").then((module) => module.FileUploader),
  ),
  cameraInput: onDemand(() =>
    import("./elements/inputs/camera-input.tsx").then((module) => module.CameraInput),
  ),
  audioInput: onDemand(() =>
    import("./elements/inputs/audio-input.tsx").then((module) => module.AudioInput),
  ),
  chatInput: onDemand(() =>
    import("./elements/chat/chat-input.tsx").then((module) => module.ChatInput),
  ),
  formSubmitButton: FormSubmitButton,
  columns: Columns,
  tabs: Tabs,
  tab: Tab,
  column: Column,
  container: Container,
  expander: Expander,
  popover: onDemand(() => import("./elements/layout/popover.tsx").then((module) => module.Popover)),
  status: onDemand(() =>
    import("./elements/status/status-box.tsx").then((module) => module.StatusBox),
  ),
  chatMessage: onDemand(() =>
    import("./elements/chat/chat-message.tsx").then((module) => module.ChatMessage),
  ),
  pills: onDemand(() =>
    import("./elements/inputs/button-group.tsx").then((module) => module.Pills),
  ),
  segmentedControl: onDemand(() =>
    import("./elements/inputs/button-group.tsx").then((module) => module.SegmentedControl),
  ),
  feedback: onDemand(() =>
    import("./elements/inputs/feedback.tsx").then((module) => module.Feedback),
  ),
  linkButton: onDemand(() =>
    import("./elements/inputs/link-button.tsx").then((module) => module.LinkButton),
  ),
  balloons: onDemand(() =>
    import("./elements/status/celebration.tsx").then((module) => module.Balloons),
  ),
  snow: onDemand(() => import("./elements/status/celebration.tsx").then((module) => module.Snow)),
  form: Form,
  fragment: Fragment,
  dialog: Dialog,
  navigation: Navigation,
  pageLink: PageLink,
  pageConfig: PageConfig,
  plotlyChart: onDemand(() =>
    import("./elements/charts/plotly-chart.tsx").then((module) => module.PlotlyChart),
  ),
  echartsChart: onDemand(() =>
    import("./elements/charts/echarts-chart.tsx").then((module) => module.EchartsChart),
  ),
  graphvizChart: onDemand(() =>
    import("./elements/charts/graphviz-chart.tsx").then((module) => module.GraphvizChart),
  ),
  map: onDemand(() => import("./elements/charts/map-chart.tsx").then((module) => module.MapChart)),
} satisfies { [K in ElementKind]: ElementComponent<K> };
