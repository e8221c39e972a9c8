import { pathKey, type ElementKind, type ElementPath, type ElementPropsByKind } from "../protocol/index.ts";
import type { ScriptRun } from "../runner/script-run.ts";
import { chatMethods } from "../elements/chat/chat.ts";
import { inputMethods } from "../elements/inputs/index.ts";
import { buttonRowMethods } from "../elements/inputs/button-rows.ts";
import { layoutMethods, type LayoutMethods } from "../elements/layout/layout.ts";
import { placeholderMethods } from "../elements/layout/placeholder.ts";
import { mediaMethods } from "../elements/media/media.ts";
import { pageMethods } from "../elements/pages/page-link.ts";
import { statusMethods } from "../elements/status/alerts.ts";
import { feedbackMethods } from "../elements/status/feedback.ts";
import { formMethods } from "../elements/forms/form.ts";
import { statusBlockMethods } from "../elements/status/status-block.ts";
import { celebrationMethods } from "../elements/status/celebrations.ts";
import { richTextMethods } from "../elements/text/rich-text.ts";
import { textMethods } from "../elements/text/text.ts";
import { writeMethods } from "../elements/text/write.ts";
import { fragmentHostMethods } from "../elements/fragments/draw-fragment.ts";
import { TARGET, type Drawable, type ElementTarget } from "./target.ts";

/**
 * A block of the page with the whole element API: `st` itself (the main
 * area), `st.sidebar`, and every column, container and expander.
 *
 * @example
 * const [left, right] = st.columns(2);
 * left.metric("Revenue", "$1.2M", { delta: "+4%" });
 * right.button("Refresh");
 */
export interface Container
  extends Drawable, TextMethods, RichTextMethods, WriteMethods, StatusMethods, FeedbackMethods, StatusBlockMethods, MediaMethods, InputMethods, ChatMethods, LayoutMethods, PlaceholderMethods,
    ButtonRowMethods, CelebrationMethods, FormMethods, PageMethods {}

/**
 * One element of the page that every call replaces, with the whole element
 * API: what `st.empty()` and `st.progress()` return. Call it in a loop to
 * update the element in place; `.empty()` clears it.
 *
 * @example
 * const slot = st.empty();
 * for (let i = 3; i > 0; i--) { slot.markdown(`**${i}**…`); await sleep(1000); }
 * slot.success("Lift-off!");
 */
export interface Placeholder extends Container {}

type TextMethods = typeof textMethods;
type RichTextMethods = typeof richTextMethods;
type WriteMethods = typeof writeMethods;
type StatusMethods = typeof statusMethods;
type FeedbackMethods = typeof feedbackMethods;
type StatusBlockMethods = typeof statusBlockMethods;
type InputMethods = typeof inputMethods;
type MediaMethods = typeof mediaMethods;
type ChatMethods = typeof chatMethods;
type PlaceholderMethods = typeof placeholderMethods;
type ButtonRowMethods = typeof buttonRowMethods;
type CelebrationMethods = typeof celebrationMethods;
type FormMethods = typeof formMethods;
type PageMethods = typeof pageMethods;

/**
 * The element methods live once on this prototype; a handle holds only its
 * target, so opening a container costs one small object, not a method table.
 */
class ContainerHandle implements Drawable {
  readonly [TARGET]: ElementTarget;

  constructor(target: ElementTarget) {
    this[TARGET] = target;
  }
}
Object.assign(
  ContainerHandle.prototype,
  textMethods,
  richTextMethods,
  writeMethods,
  statusMethods,
  feedbackMethods,
  statusBlockMethods,
  mediaMethods,
  inputMethods,
  chatMethods,
  layoutMethods,
  placeholderMethods,
  buttonRowMethods,
  celebrationMethods,
  formMethods,
  fragmentHostMethods,
  pageMethods,
);

/** A block of the page: elements append to it. */
class BlockTarget implements ElementTarget {
  private readonly key: string;

  constructor(
    readonly run: ScriptRun,
    readonly path: ElementPath,
  ) {
    this.key = pathKey(path);
  }

  emit<K extends ElementKind>(kind: K, props: ElementPropsByKind[K]): ElementPath {
    return this.run.emit(this.path, kind, props, this.key);
  }
  emitLater<K extends ElementKind>(kind: K, props: Promise<ElementPropsByKind[K]>): void {
    this.run.emitLater(this.path, kind, props, this.key);
  }
  slot(): ElementPath {
    return this.run.slot(this.path, this.key);
  }
  open(blockPath: ElementPath): Container {
    return createContainer(this.run, blockPath);
  }
  placeholder(elementPath: ElementPath): Placeholder {
    return createPlaceholder(this.run, elementPath);
  }
}

/** One element of the page (`st.empty()`): every element replaces it. */
class PlaceholderTarget extends BlockTarget {
  override emit<K extends ElementKind>(kind: K, props: ElementPropsByKind[K]): ElementPath {
    this.run.replace(this.path, kind, props);
    return this.path;
  }
  override emitLater<K extends ElementKind>(kind: K, props: Promise<ElementPropsByKind[K]>): void {
    this.run.replaceLater(this.path, kind, props);
  }
  override slot(): ElementPath {
    this.run.replace(this.path, "empty", {});
    return this.path;
  }
}

/**
 * Creates the handle for the block at `path` in `run`: elements append to it.
 * `prototype` (default: the element API) lets `st` add its own members once,
 * on a prototype of its own, instead of to every run's handle.
 */
export function createContainer(run: ScriptRun, path: ElementPath, prototype: object = ContainerHandle.prototype): Container {
  const target = new BlockTarget(run, path);
  if (prototype === ContainerHandle.prototype) return new ContainerHandle(target) as Container;
  return Object.assign(Object.create(prototype) as object, { [TARGET]: target }) as unknown as Container;
}

/** The prototype of every container handle: the whole element API, for `st`'s own prototype to extend. */
export const containerPrototype: object = ContainerHandle.prototype;

/** Creates the handle for the element at `path` in `run`: every element replaces it. */
export function createPlaceholder(run: ScriptRun, path: ElementPath): Placeholder {
  return new ContainerHandle(new PlaceholderTarget(run, path)) as Placeholder;
}
