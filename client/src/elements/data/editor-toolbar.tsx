/** What the editor's toolbar asks of its grid. */
export interface EditorToolbarProps {
  /** How many rows are ticked for deletion. */
  ticked: number;
  onAdd(): void;
  onDelete(): void;
}

/**
 * The toolbar over a dynamic data editor: add a row at the end, delete the
 * ticked rows.
 * @example <EditorToolbar ticked={2} onAdd={add} onDelete={remove} />
 */
export function EditorToolbar(props: EditorToolbarProps) {
  return (
    <div class="editor-toolbar" role="toolbar" aria-label="Rows">
      <button type="button" onClick={() => props.onAdd()}>
        + Add row
      </button>
      <button type="button" disabled={props.ticked === 0} onClick={() => props.onDelete()}>
        {props.ticked > 1 ? `Delete ${props.ticked} rows` : "Delete row"}
      </button>
    </div>
  );
}
