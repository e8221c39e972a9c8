import { chatMethods } from "./chat/chat.ts";
import { inputMethods } from "./inputs/index.ts";
import { layoutMethods, type LayoutMethods } from "./layout/layout.ts";
import { placeholderMethods } from "./layout/placeholder.ts";
import { mediaMethods } from "./media/media.ts";
import { frameComponents, frameMethods, type FrameComponents } from "./media/frames.ts";
import { TARGET, type Drawable } from "./core/target.ts";
import { dataMethods } from "./data/data-elements.ts";
import { simpleChartMethods } from "./charts/simple-charts.ts";
import { vegaLiteChartMethods } from "./charts/vega-lite-chart.ts";
import { pageMethods } from "./pages/page-link.ts";
import { statusMethods } from "./status/alerts.ts";
import { feedbackMethods } from "./status/feedback.ts";
import { formMethods } from "./forms/form.ts";
import { statusBlockMethods } from "./status/status-block.ts";
import { celebrationMethods } from "./status/celebrations.ts";
import { richTextMethods } from "./text/rich-text.ts";
import { textMethods } from "./text/text.ts";
import { writeMethods } from "./text/write.ts";
import { fragmentHostMethods } from "./fragments/draw-fragment.ts";
import { plotlyMethods } from "./charts/plotly.ts";
import { echartsMethods } from "./charts/echarts.ts";
import { graphvizMethods } from "./charts/graphviz.ts";
import { mapMethods } from "./charts/map.ts";
import { handlePrototype } from "./core/handle.ts";
import { DRAW_DECLARED_COMPONENT } from "./components/declare-component.ts";
import { drawDeclaredComponent } from "./components/draw-declared-component.ts";
import { DRAW_INLINE_COMPONENT } from "./components/inline-component.ts";
import { drawInlineComponent } from "./components/draw-inline-component.ts";

// The whole element API, assembled once: every family's methods on the one
// prototype all handles share, and in the Container type.
Object.assign(
  handlePrototype,
  textMethods,
  richTextMethods,
  writeMethods,
  statusMethods,
  feedbackMethods,
  statusBlockMethods,
  mediaMethods,
  frameMethods,
  dataMethods,
  simpleChartMethods,
  vegaLiteChartMethods,
  inputMethods,
  chatMethods,
  layoutMethods,
  placeholderMethods,
  celebrationMethods,
  formMethods,
  fragmentHostMethods,
  pageMethods,
  plotlyMethods,
  echartsMethods,
  graphvizMethods,
  mapMethods,
);

// `st.components.html(...)`, as Streamlit's `components.v1`: made per use, for the container it is read on.
Object.defineProperty(handlePrototype, "components", {
  enumerable: true,
  get(this: Drawable): FrameComponents {
    return frameComponents(this[TARGET]);
  },
});

// What a declared component's mount function calls (see declare-component.ts): not enumerable, not on `st`'s list.
Object.defineProperty(handlePrototype, DRAW_DECLARED_COMPONENT, {
  value(this: Drawable, call: Parameters<typeof drawDeclaredComponent>[1]) {
    return drawDeclaredComponent(this[TARGET], call);
  },
});

Object.defineProperty(handlePrototype, DRAW_INLINE_COMPONENT, {
  value(this: Drawable, call: Parameters<typeof drawInlineComponent>[1]) {
    return drawInlineComponent(this[TARGET], call);
  },
});

declare module "./core/handle.ts" {
  interface Container
    extends
      FrameMethods,
      TextMethods,
      RichTextMethods,
      WriteMethods,
      StatusMethods,
      FeedbackMethods,
      StatusBlockMethods,
      MediaMethods,
      DataMethods,
      SimpleChartMethods,
      VegaLiteChartMethods,
      InputMethods,
      ChatMethods,
      LayoutMethods,
      PlaceholderMethods,
      CelebrationMethods,
      FormMethods,
      PageMethods,
      PlotlyMethods,
      EchartsMethods,
      GraphvizMethods,
      MapMethods {
    /** Frames as Streamlit's `components.v1` has them: `st.components.html(html, { height })`. */
    readonly components: FrameComponents;
  }
}

type TextMethods = typeof textMethods;
type RichTextMethods = typeof richTextMethods;
type WriteMethods = typeof writeMethods;
type StatusMethods = typeof statusMethods;
type FeedbackMethods = typeof feedbackMethods;
type StatusBlockMethods = typeof statusBlockMethods;
type InputMethods = typeof inputMethods;
type MediaMethods = typeof mediaMethods;
type FrameMethods = typeof frameMethods;
type DataMethods = typeof dataMethods;
type SimpleChartMethods = typeof simpleChartMethods;
type VegaLiteChartMethods = typeof vegaLiteChartMethods;
type ChatMethods = typeof chatMethods;
type PlaceholderMethods = typeof placeholderMethods;
type CelebrationMethods = typeof celebrationMethods;
type FormMethods = typeof formMethods;
type PageMethods = typeof pageMethods;
type PlotlyMethods = typeof plotlyMethods;
type EchartsMethods = typeof echartsMethods;
type GraphvizMethods = typeof graphvizMethods;
type MapMethods = typeof mapMethods;

export {
  handlePrototype as elementApiPrototype,
  openContainer,
  type Container,
  type ElementHandle,
  type Placeholder,
} from "./core/handle.ts";
