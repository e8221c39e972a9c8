import type { ChartDataset, DataCell, DataColumn } from "../../protocol/index.ts";
import type { MediaSink } from "../../media/media-source.ts";
import { encodeFrame, storeFrame, type EncodedFrame } from "../data/frame-blobs.ts";
import { toArrowTable } from "../data/to-arrow.ts";

/** The name of the data a chart's spec refers to when the app passes data beside the spec. */
export const CHART_DATASET = "edgelit-data";

/** Data up to this many encoded bytes travels inline in the chart's props; larger data is stored. */
export const INLINE_DATA_BYTES = 4096;

/** A chart's data, encoded once per data object (as a dataframe's): its columns, and how it travels. */
export interface ChartFrame {
  columns: DataColumn[];
  rowCount: number;
  /** Rows to send inline (small data), or undefined when the batches are stored. */
  inline?: Record<string, DataCell>[];
  frame: EncodedFrame;
}

/**
 * Encodes the chart's data (once per data object while it stays the same)
 * and decides how it travels: inline when small, else as stored Arrow batches.
 * @example const chartFrame = encodeChartData(rows, "st.lineChart");
 */
export function encodeChartData(data: unknown, method: string): ChartFrame {
  const frame = encodeFrame(data, method);
  let bytes = 0;
  for (const batch of frame.batches) bytes += batch.byteLength;
  const chartFrame: ChartFrame = { columns: frame.columns, rowCount: frame.rowCount, frame };
  if (bytes <= INLINE_DATA_BYTES) chartFrame.inline = inlineRows(data, method);
  return chartFrame;
}

/**
 * The dataset as the page receives it: inline rows at once, or a promise of
 * the stored batches' ids (sealed media: a batch shown again is not written again).
 * @example props.datasets = [await chartDataset(target.run, encodeChartData(rows, "st.lineChart"))];
 */
export function chartDataset(
  sink: MediaSink,
  chartFrame: ChartFrame,
): ChartDataset | Promise<ChartDataset> {
  if (chartFrame.inline) return { name: CHART_DATASET, values: chartFrame.inline };
  return storeFrame(sink, chartFrame.frame).then((stored) => ({
    name: CHART_DATASET,
    batches: stored.ids,
  }));
}

// --- Internal helpers ---

function inlineRows(data: unknown, method: string): Record<string, DataCell>[] {
  const table = toArrowTable(data, method);
  const names = table.schema.fields.map((field) => field.name);
  const vectors = names.map((name) => table.getChild(name));
  const rows: Record<string, DataCell>[] = [];
  for (let row = 0; row < table.numRows; row++) {
    const record: Record<string, DataCell> = {};
    for (let column = 0; column < names.length; column++)
      record[names[column]!] = toCell(vectors[column]?.get(row));
    rows.push(record);
  }
  return rows;
}

/** A value as a chart reads it: 64-bit integers as numbers, dates as epoch milliseconds. */
function toCell(value: unknown): DataCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.getTime();
  return String(value);
}
