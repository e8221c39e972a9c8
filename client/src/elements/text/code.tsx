import { For, Show, createEffect, createSignal, onCleanup } from "solid-js";
import { loadHighlighter } from "../../rich/enhance.ts";
import type { ElementProps } from "../element-props.ts";

const PLAIN_LANGUAGES = new Set(["", "text", "plaintext", "plain", "none", "txt"]);

/**
 * A code block with a copy button. It shows as plain text at once; the
 * highlighter (its own chunk, and one per language) colours it when it arrives.
 * Lines are separate spans, so they wrap and number one by one.
 */
export function Code(props: ElementProps<"code">) {
  const [highlighted, setHighlighted] = createSignal<string[]>();
  createEffect(() => {
    const { body, language = "" } = props.el;
    setHighlighted(undefined);
    if (PLAIN_LANGUAGES.has(language.toLowerCase())) return;
    let current = true;
    onCleanup(() => (current = false));
    void loadHighlighter().then(async ({ highlight, splitHighlightedLines }) => {
      const html = await highlight(body, language);
      if (current && html !== undefined) setHighlighted(splitHighlightedLines(html));
    });
  });

  return (
    <div class="code-block">
      <pre
        class="code"
        classList={{
          numbered: props.el.lineNumbers === true,
          wrapped: props.el.wrapLines === true,
        }}
        style={props.el.height === undefined ? undefined : { height: `${props.el.height}px` }}
        tabIndex={props.el.height === undefined ? undefined : 0}
      >
        <code
          class={props.el.language ? `language-${props.el.language}` : undefined}
          classList={{ hljs: highlighted() !== undefined }}
        >
          <Show
            when={highlighted()}
            fallback={
              <For each={props.el.body.split("\n")}>
                {(line) => <span class="line">{line + "\n"}</span>}
              </For>
            }
          >
            {(lines) => (
              <For each={lines()}>{(line) => <span class="line" innerHTML={line + "\n"} />}</For>
            )}
          </Show>
        </code>
      </pre>
      <CopyButton text={props.el.body} />
    </div>
  );
}

/** Streamlit's copy button: top right of the block, shown on hover or focus; says "Copied" for a moment. */
function CopyButton(props: { text: string }) {
  const [copied, setCopied] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const copy = async () => {
    await copyText(props.text);
    setCopied(true);
    clearTimeout(timer);
    timer = setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button
      type="button"
      class="copy-button"
      title={copied() ? "Copied" : "Copy to clipboard"}
      aria-label={copied() ? "Copied" : "Copy to clipboard"}
      onClick={() => void copy()}
    >
      <svg
        viewBox="0 0 24 24"
        width="16"
        height="16"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      >
        <Show
          when={copied()}
          fallback={
            <>
              <rect x="9" y="9" width="13" height="13" rx="2" />
              <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
            </>
          }
        >
          <path d="M20 6 9 17l-5-5" />
        </Show>
      </svg>
    </button>
  );
}

/** The Clipboard API where the page may use it (https, localhost); the old copy command elsewhere. */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      return await navigator.clipboard.writeText(text);
    } catch {
      // Refused (no permission, page not focused): try the old way.
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}
