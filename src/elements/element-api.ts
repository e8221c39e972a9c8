import { chatMethods } from "./chat/chat.ts";
import { inputMethods } from "./inputs/index.ts";
import { layoutMethods, type LayoutMethods } from "./layout/layout.ts";
import { placeholderMethods } from "./layout/placeholder.ts";
import { mediaMethods } from "./media/media.ts";
import { dataMethods } from "./data/data-elements.ts";
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
  dataMethods,
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

declare module "./core/handle.ts" {
  interface Container
    extends
      TextMethods,
      RichTextMethods,
      WriteMethods,
      StatusMethods,
      FeedbackMethods,
      StatusBlockMethods,
      MediaMethods,
      DataMethods,
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
      MapMethods {}
}

type TextMethods = typeof textMethods;
type RichTextMethods = typeof richTextMethods;
type WriteMethods = typeof writeMethods;
type StatusMethods = typeof statusMethods;
type FeedbackMethods = typeof feedbackMethods;
type StatusBlockMethods = typeof statusBlockMethods;
type InputMethods = typeof inputMethods;
type MediaMethods = typeof mediaMethods;
type DataMethods = typeof dataMethods;
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
