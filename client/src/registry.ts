import type { ElementKind } from "../../src/protocol/index.ts";
import type { ElementComponent } from "./elements/element-props.ts";
import { ChatInput } from "./elements/chat/chat-input.tsx";
import { ChatMessage } from "./elements/chat/chat-message.tsx";
import { AudioInput } from "./elements/inputs/audio-input.tsx";
import { Button } from "./elements/inputs/button.tsx";
import { CameraInput } from "./elements/inputs/camera-input.tsx";
import { Checkbox, Toggle } from "./elements/inputs/checkbox.tsx";
import { DownloadButton } from "./elements/inputs/download-button.tsx";
import { FileUploader } from "./elements/inputs/file-uploader.tsx";
import { Multiselect } from "./elements/inputs/multiselect.tsx";
import { NumberInput } from "./elements/inputs/number-input.tsx";
import { Radio } from "./elements/inputs/radio.tsx";
import { Selectbox } from "./elements/inputs/selectbox.tsx";
import { Slider } from "./elements/inputs/slider.tsx";
import { TextArea, TextInput } from "./elements/inputs/text-input.tsx";
import { Columns, Column } from "./elements/layout/columns.tsx";
import { Tab, Tabs } from "./elements/layout/tabs.tsx";
import { Container } from "./elements/layout/container.tsx";
import { Empty } from "./elements/layout/empty.tsx";
import { Expander } from "./elements/layout/expander.tsx";
import { Audio } from "./elements/media/audio.tsx";
import { Image } from "./elements/media/image.tsx";
import { Logo } from "./elements/media/logo.tsx";
import { Pdf } from "./elements/media/pdf.tsx";
import { Video } from "./elements/media/video.tsx";
import { Alert } from "./elements/status/alert.tsx";
import { Exception } from "./elements/status/exception.tsx";
import { Progress } from "./elements/status/progress.tsx";
import { Spinner } from "./elements/status/spinner.tsx";
import { StatusBox } from "./elements/status/status-box.tsx";
import { Toast } from "./elements/status/toast.tsx";
import { Navigation } from "./elements/pages/navigation.tsx";
import { PageLink } from "./elements/pages/page-link.tsx";
import { Heading } from "./elements/text/heading.tsx";
import { Json } from "./elements/text/json.tsx";
import { Caption, Markdown } from "./elements/text/markdown.tsx";
import { Metric } from "./elements/text/metric.tsx";
import { Code, Divider, Text } from "./elements/text/text.tsx";

/** Which component draws each element kind. A kind missing here fails the type check. */
export const registry = {
  heading: Heading,
  markdown: Markdown,
  caption: Caption,
  text: Text,
  code: Code,
  divider: Divider,
  json: Json,
  metric: Metric,
  alert: Alert,
  exception: Exception,
  progress: Progress,
  spinner: Spinner,
  toast: Toast,
  empty: Empty,
  image: Image,
  audio: Audio,
  video: Video,
  pdf: Pdf,
  logo: Logo,
  button: Button,
  checkbox: Checkbox,
  toggle: Toggle,
  slider: Slider,
  textInput: TextInput,
  textArea: TextArea,
  numberInput: NumberInput,
  selectbox: Selectbox,
  radio: Radio,
  multiselect: Multiselect,
  downloadButton: DownloadButton,
  fileUploader: FileUploader,
  cameraInput: CameraInput,
  audioInput: AudioInput,
  chatInput: ChatInput,
  columns: Columns,
  tabs: Tabs,
  tab: Tab,
  column: Column,
  container: Container,
  expander: Expander,
  status: StatusBox,
  chatMessage: ChatMessage,
  navigation: Navigation,
  pageLink: PageLink,
} satisfies { [K in ElementKind]: ElementComponent<K> };
