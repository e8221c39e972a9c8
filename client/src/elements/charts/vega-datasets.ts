import { tableFromIPC, type Table } from "apache-arrow";
import { ROUTES, type ChartDataset, type DataCell } from "../../../../src/protocol/index.ts";

type Row = Record<string, DataCell>;
const fetched = new Map<string, Promise<Row[]>>();

/**
 * The rows of each dataset by name: inline ones as they came, stored ones
 * fetched (each batch once per page, kept while a chart shows it) and read
 * from Arrow into plain rows, 64-bit integers as numbers.
 */
export async function loadDatasets(datasets: ChartDataset[]): Promise<Record<string, Row[]>> {
  const named: Record<string, Row[]> = {};
  for (const dataset of datasets) {
    // A copy: Vega marks the rows it reads, and the element's props are not to be changed.
    if (dataset.values) named[dataset.name] = JSON.parse(JSON.stringify(dataset.values)) as Row[];
    else {
      const batches = await Promise.all((dataset.batches ?? []).map(batchRows));
      named[dataset.name] = batches.flat();
    }
  }
  return named;
}

function batchRows(id: string): Promise<Row[]> {
  let rows = fetched.get(id);
  if (!rows) {
    rows = fetch(`${ROUTES.media}${id}`).then(async (response) => {
      if (!response.ok) throw new Error(`a chart's data failed to load: HTTP ${response.status}`);
      return toRows(tableFromIPC(new Uint8Array(await response.arrayBuffer())));
    });
    rows.catch(() => fetched.delete(id));
    if (fetched.size > 64) fetched.clear();
    fetched.set(id, rows);
  }
  return rows;
}

function toRows(table: Table): Row[] {
  const names = table.schema.fields.map((field) => field.name);
  const vectors = names.map((name) => table.getChild(name));
  const rows: Row[] = Array.from({ length: table.numRows });
  for (let row = 0; row < table.numRows; row++) {
    const record: Row = {};
    for (let column = 0; column < names.length; column++) {
      const value: unknown = vectors[column]?.get(row);
      record[names[column]!] =
        typeof value === "bigint"
          ? Number(value)
          : value instanceof Date
            ? value.getTime()
            : (value as DataCell);
    }
    rows[row] = record;
  }
  return rows;
}
