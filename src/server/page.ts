import type { Transport } from "../protocol/index.ts";

/** What the page learns from the server when it loads. */
export interface PageConfig {
  title?: string;
  /** Development mode: the page reruns when the app's source changes. */
  dev?: boolean;
  /** The transports this server offers, in the order the page should try them. */
  transports?: Transport[];
}

const CONFIG_ELEMENT = /(<script type="application\/json" id="edgelit-config">)[\s\S]*?(<\/script>)/;

/** The client's index.html with the page config filled in. */
export function renderPage(indexHtml: string, config: PageConfig): string {
  // Inside a <script> element only "</" could end it early; escape every "<".
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  let html = indexHtml.replace(CONFIG_ELEMENT, (_match, open: string, close: string) => `${open}${json}${close}`);
  if (config.title) html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(config.title)}</title>`);
  return html;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
