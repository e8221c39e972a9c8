import type { MapSelectionMode, MapState } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { checkedCodec, defineWidget, describe, isIndex } from "../core/widget-kind.ts";

/** What checking a map's selection needs, kept in the session record: its mode and number of points. */
export interface MapSelectionSettings {
  mode: MapSelectionMode;
  pointCount: number;
}

/** The selection of nothing. */
export function emptyMapSelection(): MapState {
  return { selection: { indices: [] } };
}

/** The mode an app asked for (default "single-object", as Streamlit's). */
export function mapSelectionMode(requested: unknown): MapSelectionMode {
  if (requested === undefined) return "single-object";
  if (requested === "single-object" || requested === "multi-object") return requested;
  throw new EdgelitApiError(
    `st.map: selectionMode must be "single-object" or "multi-object"; got ${describe(requested)}.`,
  );
}

/** Why a selection does not fit the map, or undefined when it does. */
export function mapSelectionProblem(
  value: unknown,
  settings: MapSelectionSettings,
): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return `expected { selection: { indices } }, got ${describe(value)}`;
  const selection = (value as { selection?: unknown }).selection;
  if (typeof selection !== "object" || selection === null || Array.isArray(selection))
    return `expected { selection: { indices } }, got ${describe(value)}`;
  const extra = Object.keys(selection).find((name) => name !== "indices");
  if (extra !== undefined) return `a map's selection holds indices, not "${extra}"`;
  const indices = (selection as { indices?: unknown }).indices;
  if (!Array.isArray(indices)) return "indices must be a list";
  if (settings.mode === "single-object" && indices.length > 1)
    return `this map selects one point at most, got ${indices.length}`;
  for (const index of indices)
    if (!isIndex(index, settings.pointCount))
      return `index ${describe(index)} is not a point of the map (it has ${settings.pointCount}, numbered from 0)`;
  return new Set(indices).size === indices.length ? undefined : "a point is selected twice";
}

/** The selectable map's kind: its value is the selected rows, checked against the data. */
export const mapKind = defineWidget("map", { codec: checkedCodec(mapSelectionProblem) });
