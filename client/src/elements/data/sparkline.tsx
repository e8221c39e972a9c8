import type { ColumnDisplay } from "../../../../src/protocol/index.ts";

/** The sparkline kinds a column can show. */
export type SparklineKind = "lineChart" | "barChart" | "areaChart";

const WIDTH = 100;
const HEIGHT = 24;

/**
 * A list of numbers as a small inline SVG chart (a line, bars, or a filled
 * line), spread over the cell's width; the vertical range is the column's
 * `yMin`/`yMax`, else 0 and the list's own range. Empty items are
 * skipped. Screen readers read the numbers.
 * @example <Sparkline values={[1, 4, 2]} display={{ type: "lineChart" }} />
 */
export function Sparkline(props: { values: ArrayLike<unknown>; display: ColumnDisplay }) {
  const points = () => Array.from(props.values, (value) => toNumber(value));
  const range = () => {
    const known = points().filter((value): value is number => value !== null);
    const low = props.display.yMin ?? Math.min(0, ...known);
    const high = props.display.yMax ?? Math.max(...known, low + 1);
    return { low, high: high > low ? high : low + 1 };
  };
  const y = (value: number) => {
    const { low, high } = range();
    const share = Math.max(0, Math.min(1, (value - low) / (high - low)));
    return HEIGHT - 1 - share * (HEIGHT - 2);
  };
  const x = (at: number) =>
    points().length <= 1 ? WIDTH / 2 : (at / (points().length - 1)) * WIDTH;
  const line = () =>
    points()
      .map((value, at) => (value === null ? "" : `${x(at).toFixed(2)},${y(value).toFixed(2)}`))
      .filter((point) => point !== "")
      .join(" ");
  const kind = () => props.display.type as SparklineKind;
  const barWidth = () => (WIDTH / Math.max(points().length, 1)) * 0.75;
  const label = () =>
    `${kind() === "barChart" ? "Bar" : kind() === "areaChart" ? "Area" : "Line"} chart: ${points()
      .map((value) => (value === null ? "empty" : String(value)))
      .join(", ")}`;
  return (
    <svg
      class={`dataframe-sparkline ${kind()}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label()}
    >
      {kind() === "barChart" ? (
        points().map((value, at) =>
          value === null ? null : (
            <rect
              x={((at + 0.125) * WIDTH) / points().length}
              y={y(value)}
              width={barWidth()}
              height={Math.max(0.5, HEIGHT - 1 - y(value))}
            />
          ),
        )
      ) : (
        <>
          {kind() === "areaChart" && points().length > 1 ? (
            <polygon
              points={`${line()} ${x(lastKnown(points())).toFixed(2)},${HEIGHT} ${x(firstKnown(points())).toFixed(2)},${HEIGHT}`}
            />
          ) : null}
          <polyline points={line()} vector-effect="non-scaling-stroke" />
        </>
      )}
    </svg>
  );
}

// --- Internal helpers ---

function toNumber(value: unknown): number | null {
  const number = typeof value === "bigint" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : null;
}

function firstKnown(points: (number | null)[]): number {
  return Math.max(
    0,
    points.findIndex((value) => value !== null),
  );
}

function lastKnown(points: (number | null)[]): number {
  for (let at = points.length - 1; at >= 0; at--) if (points[at] !== null) return at;
  return 0;
}
