import type { Table } from "apache-arrow";
import { EdgelitApiError } from "../../errors/api-error.ts";

/** The names `st.map` recognises, whatever their case, when the app names no column. */
const LATITUDE_NAMES = ["lat", "latitude"];
const LONGITUDE_NAMES = ["lon", "lng", "long", "longitude"];

/**
 * The latitude and longitude columns of a table: those the app names, else the
 * first column called lat or latitude and lon, lng, long or longitude (any case).
 * @example mapColumns(table, {}) // { latitude: "LAT", longitude: "lng" }
 */
export function mapColumns(
  table: Table,
  named: { latitude?: string; longitude?: string },
): { latitude: string; longitude: string } {
  const names = table.schema.fields.map((field) => field.name);
  return {
    latitude: findColumn(names, named.latitude, LATITUDE_NAMES, "latitude"),
    longitude: findColumn(names, named.longitude, LONGITUDE_NAMES, "longitude"),
  };
}

/**
 * A column of numbers as a list, every value finite and within `range`
 * (`what` names it in errors: "latitude", "size").
 */
export function numberColumn(
  table: Table,
  name: string,
  what: string,
  range: [number, number],
): number[] {
  const column = table.getChild(name)!;
  const values: number[] = [];
  for (let row = 0; row < table.numRows; row++) {
    const cell: unknown = column.get(row);
    const value = typeof cell === "bigint" ? Number(cell) : cell;
    if (
      typeof value !== "number" ||
      !Number.isFinite(value) ||
      value < range[0] ||
      value > range[1]
    )
      throw new EdgelitApiError(
        `st.map: the ${what} column "${name}" must hold numbers from ${range[0]} to ${range[1]}; ` +
          `row ${row} holds ${cell === null ? "nothing" : JSON.stringify(String(cell))}.`,
      );
    values.push(value);
  }
  return values;
}

/** A column of CSS colours as a list. */
export function colorColumn(table: Table, name: string): string[] {
  const column = table.getChild(name)!;
  const values: string[] = [];
  for (let row = 0; row < table.numRows; row++) {
    const cell: unknown = column.get(row);
    if (!isCssColor(cell))
      throw new EdgelitApiError(
        `st.map: the color column "${name}" must hold CSS colours such as "#ff8800"; row ${row} holds ${JSON.stringify(String(cell))}.`,
      );
    values.push(cell);
  }
  return values;
}

/** True for what can pass as one CSS colour ("#f80", "rgb(255 0 0 / 50%)", "teal"). */
export function isCssColor(value: unknown): value is string {
  return typeof value === "string" && /^[#a-zA-Z][\w#(),.%/ -]{0,63}$/.test(value);
}

/** True when the table has a column of this name. */
export function hasColumn(table: Table, name: string): boolean {
  return table.schema.fields.some((field) => field.name === name);
}

// --- Internal helpers ---

function findColumn(
  names: string[],
  named: string | undefined,
  candidates: string[],
  what: string,
): string {
  if (named !== undefined) {
    if (names.includes(named)) return named;
    throw new EdgelitApiError(
      `st.map: ${what} names "${String(named)}", which is not a column of the data (its columns: ${listed(names)}).`,
    );
  }
  const found = names.find((name) => candidates.includes(name.toLowerCase()));
  if (found !== undefined) return found;
  throw new EdgelitApiError(
    `st.map: the data has no ${what} column; name one ${candidates.map((name) => `"${name}"`).join(", ")} ` +
      `(any case) or pass { ${what}: "<column>" } (its columns: ${listed(names)}).`,
  );
}

function listed(names: string[]): string {
  return names.length === 0 ? "none" : names.map((name) => `"${name}"`).join(", ");
}
