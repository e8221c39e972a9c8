import { For, Show } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { isNumeric } from "./format-cell.ts";
import { ColumnCell } from "./column-cell.tsx";
import "./data.css";

/** A static table; wider than its container, it scrolls sideways inside it. */
export function Table(props: ElementProps<"table">) {
  const cut = () => props.el.rowCount - props.el.rows.length;
  return (
    <div class="data-table">
      <div class="data-table-scroll">
        <table>
          <thead>
            <tr>
              <Show when={!props.el.hideIndex}>
                <th class="data-index" />
              </Show>
              <For each={props.el.columns}>
                {(column) => (
                  <th classList={{ numeric: isNumeric(column.type) }} title={column.display?.help}>
                    {column.display?.label ?? column.name}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.el.rows}>
              {(row, index) => (
                <tr>
                  <Show when={!props.el.hideIndex}>
                    <th class="data-index">{index()}</th>
                  </Show>
                  <For each={props.el.columns}>
                    {(column, at) => (
                      <td classList={{ numeric: isNumeric(column.type) }}>
                        <ColumnCell value={row[at()]} column={column} />
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={cut() > 0}>
        <p class="data-note">
          Showing the first {props.el.rows.length.toLocaleString()} of{" "}
          {props.el.rowCount.toLocaleString()} rows: st.table is for small data, st.dataframe shows
          every row.
        </p>
      </Show>
    </div>
  );
}
