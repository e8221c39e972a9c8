import { createSignal, Show, type JSX } from "solid-js";

/** What the toolbar asks of its grid. */
export interface GridToolbarProps {
  query: string;
  onQuery(query: string): void;
  /** Saves the frame as CSV; without it, no download button. */
  onDownload?(): void;
  /** True while the CSV is being prepared (the frame's batches loading). */
  downloading?: boolean;
  /** Whether the search box is open, when the grid holds that (Ctrl/Cmd+F opens it); else the toolbar does. */
  searchOpen?: boolean;
  onSearchOpen?(open: boolean): void;
  /** More buttons, after the download's (full screen). */
  children?: JSX.Element;
}

/**
 * The small toolbar over a dataframe, shown while the pointer or the focus is
 * on the grid: a search box that filters the rows, and a CSV download of the
 * whole frame.
 * @example <GridToolbar query={query()} onQuery={setQuery} onDownload={download} downloading={false} />
 */
export function GridToolbar(props: GridToolbarProps) {
  const [ownOpen, setOwnOpen] = createSignal(false);
  const open = () => props.searchOpen ?? ownOpen();
  const setOpen = (value: boolean) =>
    props.onSearchOpen ? props.onSearchOpen(value) : setOwnOpen(value);
  let input: HTMLInputElement | undefined;
  const close = () => {
    setOpen(false);
    props.onQuery("");
  };
  return (
    <div class="dataframe-toolbar" role="toolbar" aria-label="Table tools">
      <Show when={open() || props.query !== ""}>
        <input
          ref={(element) => {
            input = element;
            queueMicrotask(() => element.focus());
          }}
          type="search"
          class="dataframe-search"
          placeholder="Search"
          aria-label="Search the table"
          value={props.query}
          onInput={(event) => props.onQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") close();
          }}
        />
      </Show>
      <button
        type="button"
        title="Search"
        aria-label="Search"
        aria-pressed={open()}
        onClick={() => (open() ? close() : (setOpen(true), input?.focus()))}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="10.5" cy="10.5" r="6.5" />
          <path d="M15.5 15.5 21 21" />
        </svg>
      </button>
      <Show when={props.onDownload}>
        <button
          type="button"
          title="Download as CSV"
          aria-label="Download as CSV"
          aria-busy={props.downloading}
          onClick={() => props.onDownload?.()}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12 3v12m-5-5 5 5 5-5M4 19h16" />
          </svg>
        </button>
      </Show>
      {props.children}
    </div>
  );
}

/**
 * Saves a blob as a file through a link the page clicks (the browser's download).
 * @example saveFile(new Blob(["a,b\n"], { type: "text/csv" }), "data.csv");
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  // The download has its bytes once it starts; the URL is freed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
