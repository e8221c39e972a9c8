/**
 * edgelit: data apps in Streamlit's model on a server that keeps nothing
 * between events. This is the whole public API; `edgelit/testing` holds the
 * headless harness and `edgelit/server` the h3 server.
 */
export { defineApp } from "./app/define-app.ts";
export type { AppDefinition, AppOptions, AppScript } from "./app/define-app.ts";
export type { ThemeFont, ThemeFontFace, ThemeOptions } from "./app/theme.ts";
export type { RerunOptions, St } from "./app/st.ts";
export { fragment } from "./app/fragment.ts";
export type { Fragment, FragmentArgs, FragmentBody, FragmentOptions } from "./app/fragment.ts";
export { dialog } from "./app/dialog.ts";
export type { DialogOptions } from "./app/dialog.ts";
export type { Container, ElementHandle, Placeholder } from "./elements/element-api.ts";
export type { SessionState } from "./app/session-state.ts";
export type { StContext } from "./app/st-context.ts";
export type { StUser } from "./app/st-auth.ts";
export type {
  DeclaredSecrets,
  Secrets,
  SecretsMethods,
  SecretsTable,
  SecretValue,
} from "./app/secrets.ts";
export type {
  ButtonOptions,
  CheckboxOptions,
  MultiselectOptions,
  NumberInputOptions,
  SingleChoiceOptions,
  SliderOptions,
  TextAreaOptions,
  TextInputOptions,
  WidgetOptions,
} from "./elements/inputs/index.ts";
export type {
  CodeOptions,
  HeadingOptions,
  MarkdownOptions,
  MetricOptions,
} from "./elements/text/text.ts";
export type { BadgeOptions } from "./elements/text/rich-text.ts";
export type { AlertOptions } from "./elements/status/alerts.ts";
export type {
  DataframeOptions,
  SelectableDataframeOptions,
  TableOptions,
} from "./elements/data/data-elements.ts";
export type { DataEditorOptions, EditedData } from "./elements/data/data-editor.ts";
export type {
  ChartColumnOptions,
  ColumnConfig,
  ColumnConfigMapping,
  ColumnOptions,
  DateColumnOptions,
  LinkColumnOptions,
  NumberColumnOptions,
  ProgressColumnOptions,
  SelectboxColumnOptions,
  TextColumnOptions,
} from "./elements/data/column-config.ts";
export type {
  EditCell,
  EditDiff,
  DataframeSelection,
  DataframeSelectionMode,
  DataframeState,
} from "./protocol/index.ts";
export type {
  ChartSelectionParam,
  ChartSelectionValue,
  VegaLiteChartState,
} from "./protocol/index.ts";
export type { ChartOptions } from "./elements/charts/vega-chart-draw.ts";
export type {
  SelectableSimpleChartOptions,
  SimpleChartOptions,
} from "./elements/charts/simple-charts.ts";
export type { ChartStack } from "./elements/charts/simple-charts-spec.ts";
export type {
  SelectableVegaLiteChartOptions,
  VegaLiteChartOptions,
} from "./elements/charts/vega-lite-chart.ts";
export type { PlotlyChartOptions, SelectablePlotlyChartOptions } from "./elements/charts/plotly.ts";
export type { EchartsChartOptions } from "./elements/charts/echarts.ts";
export type { GraphvizChartOptions, GraphvizEngine } from "./elements/charts/graphviz.ts";
export type { MapOptions, SelectableMapOptions } from "./elements/charts/map.ts";
export type {
  MapSelectionMode,
  MapState,
  PlotlyArea,
  PlotlyPoint,
  PlotlySelectionMode,
  PlotlyState,
} from "./protocol/index.ts";
export { toArrowTable } from "./elements/data/to-arrow.ts";
export type { TabularData } from "./elements/data/to-arrow.ts";
export type {
  Columns,
  ColumnsOptions,
  ContainerOptions,
  ExpanderOptions,
  PopoverOptions,
} from "./elements/layout/layout.ts";
export type {
  ImageInput,
  ImageOptions,
  PlaybackOptions,
  VideoOptions,
} from "./elements/media/media.ts";
export type {
  CaptureOptions,
  DownloadButtonOptions,
  FileUploaderOptions,
} from "./elements/inputs/index.ts";
export type {
  ColorPickerOptions,
  DateInputOptions,
  DateLike,
  DatetimeInputOptions,
  DateTimeLike,
  SelectSliderOptions,
  TimeInputOptions,
} from "./elements/inputs/index.ts";
export type { MediaInput, MediaOptions } from "./media/media-source.ts";
export type { PixelImage } from "./media/pixels.ts";
export type { UploadedFile } from "./media/uploaded-file.ts";
export type { ChatInputOptions, ChatMessageOptions } from "./elements/chat/chat.ts";
export type { ProgressOptions, ToastOptions } from "./elements/status/feedback.ts";
export type {
  ButtonGroupOptions,
  FeedbackOptions,
  LinkButtonOptions,
  MultiButtonGroupOptions,
  SingleButtonGroupOptions,
} from "./elements/inputs/index.ts";
export type { StatusContainer, StatusOptions } from "./elements/status/status-block.ts";
export type { FormOptions, FormSubmitButtonOptions } from "./elements/forms/form.ts";
export type { TextStream, TextStreamSource } from "./elements/text/write-stream.ts";
export { page } from "./app/page.ts";
export type { Page, PageOptions, PageScript } from "./app/page.ts";
export type { NavigationOptions, PageList } from "./app/navigation.ts";
export type { PageControls, SwitchPageOptions } from "./app/page-controls.ts";
export type { PageConfigOptions } from "./app/page-config.ts";
export type { PageLayout, SidebarState } from "./protocol/index.ts";
export type { QueryParamMethods, QueryParamValue, QueryParams } from "./app/query-params.ts";
export type { PageLinkOptions } from "./elements/pages/page-link.ts";
export { declareComponent } from "./elements/components/declare-component.ts";
export type {
  ComponentSource,
  DeclaredComponent,
  DeclaredComponentOptions,
} from "./elements/components/declare-component.ts";
export { component } from "./elements/components/inline-component.ts";
export type {
  InlineComponent,
  InlineComponentOptions,
  InlineComponentResult,
  InlineComponentSource,
} from "./elements/components/inline-component.ts";
export { EdgelitApiError } from "./errors/api-error.ts";
export { defineConfig } from "./config/index.ts";
export type { EdgelitConfig } from "./config/index.ts";
export { cacheData, cacheResource, clearSharedCache } from "./cache/index.ts";
export type {
  CacheDataOptions,
  CachedDataFunction,
  CachedResourceFunction,
} from "./cache/index.ts";
