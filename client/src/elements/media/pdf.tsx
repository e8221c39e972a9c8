import type { ElementProps } from "../element-props.ts";

/** A PDF in the browser's viewer, full width, with a link to open it on its own. */
export function Pdf(props: ElementProps<"pdf">) {
  return (
    <div class="pdf">
      <iframe src={props.el.src} title="PDF" style={{ height: `${props.el.height}px` }} />
      <a href={props.el.src} target="_blank" rel="noopener">
        Open the PDF in a new tab
      </a>
    </div>
  );
}
