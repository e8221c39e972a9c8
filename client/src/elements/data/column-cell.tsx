import type { DataColumn } from "../../../../src/protocol/index.ts";
import { cellText, safeImage, safeLink } from "./cell-text.ts";
import { Sparkline } from "./sparkline.tsx";

/**
 * A cell's content by its column's configuration: a checkbox for true/false,
 * a bar for progress, a link for http(s) URLs (other text stays text), an
 * image for an image URL, a small chart for a list of numbers, or text.
 * @example <ColumnCell value={0.4} column={{ name: "done", type: "number", display: { type: "progress", max: 1 } }} />
 */
export function ColumnCell(props: { value: unknown; column: DataColumn }) {
  const type = () => props.column.display?.type;
  const empty = () => props.value === null || props.value === undefined;
  const link = () => (type() === "link" ? safeLink(props.value) : undefined);
  const image = () => (type() === "image" ? safeImage(props.value) : undefined);
  const chart = () =>
    (type() === "lineChart" || type() === "barChart" || type() === "areaChart") &&
    listLike(props.value);
  // A ternary chain rather than Switch/Match: the page's shared Solid chunk stays as it was.
  const kind = () =>
    empty()
      ? "text"
      : type() === "checkbox"
        ? "checkbox"
        : type() === "progress"
          ? "progress"
          : link()
            ? "link"
            : image()
              ? "image"
              : chart()
                ? "chart"
                : "text";
  return (
    <>
      {kind() === "checkbox" ? (
        <input
          type="checkbox"
          class="dataframe-checkbox"
          checked={props.value === true}
          disabled
          tabIndex={-1}
          aria-label={props.value === true ? "true" : "false"}
        />
      ) : kind() === "progress" ? (
        <ProgressCell value={Number(props.value)} column={props.column} />
      ) : kind() === "image" ? (
        <img class="dataframe-image" src={image()} alt="" loading="lazy" decoding="async" />
      ) : kind() === "chart" ? (
        <Sparkline values={listItems(props.value)} display={props.column.display!} />
      ) : kind() === "link" ? (
        <a href={link()} target="_blank" rel="noopener noreferrer" tabIndex={-1}>
          {cellText(props.value, props.column)}
        </a>
      ) : (
        cellText(props.value, props.column)
      )}
    </>
  );
}

// --- Internal helpers ---

/** A list cell: an array (st.table's rows) or what Arrow reads (a vector, with toArray). */
function listLike(value: unknown): boolean {
  return (
    Array.isArray(value) ||
    ArrayBuffer.isView(value) ||
    (typeof value === "object" && value !== null && "toArray" in value)
  );
}

function listItems(value: unknown): ArrayLike<unknown> {
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return value as ArrayLike<unknown>;
  return (value as { toArray(): ArrayLike<unknown> }).toArray();
}

function ProgressCell(props: { value: number; column: DataColumn }) {
  const min = () => props.column.display?.min ?? 0;
  const max = () => props.column.display?.max ?? 100;
  const share = () => Math.max(0, Math.min(1, (props.value - min()) / (max() - min())));
  return (
    <span
      class="dataframe-progress"
      role="progressbar"
      aria-valuemin={min()}
      aria-valuemax={max()}
      aria-valuenow={props.value}
    >
      <span class="dataframe-progress-bar">
        <span style={{ width: `${share() * 100}%` }} />
      </span>
      <span>{cellText(props.value, props.column)}</span>
    </span>
  );
}
