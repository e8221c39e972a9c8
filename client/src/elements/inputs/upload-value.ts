import { createSignal, type Accessor } from "solid-js";
import type { UploadedFileRef, WidgetProps } from "../../../../src/protocol/index.ts";
import { useClient } from "../../runtime/client-context.ts";
import { checkFile, uploadFiles } from "./upload.ts";
import { createWidgetValue } from "./widget-value.ts";

type UploadWidget = WidgetProps & { maxBytes: number; files: UploadedFileRef[]; accept?: string[] };

export interface UploadValue {
  /** The files the widget holds: the ones just uploaded at once, then the server's. */
  files: Accessor<UploadedFileRef[]>;
  uploading: Accessor<boolean>;
  /** What went wrong with the last pick, shown under the widget. */
  error: Accessor<string | undefined>;
  showError(message: string | undefined): void;
  /**
   * Checks and uploads files, then sends the widget's new file ids: the held
   * ones and the new ones with `append`, else only the new ones. Resolves to
   * the stored files, or to none when nothing could be sent.
   */
  add(files: File[], options: { append: boolean }): Promise<UploadedFileRef[]>;
  /** Makes the widget hold exactly these files (a removal, a clear). */
  set(files: UploadedFileRef[]): void;
}

/**
 * The state shared by the file uploader, camera and audio inputs. Bytes go to
 * the upload route first; the widget's wire value is only the stored ids.
 *
 * @example
 * const upload = createUploadValue(() => props.el);
 * await upload.add([...input.files], { append: props.el.multiple });
 */
export function createUploadValue(el: Accessor<UploadWidget>): UploadValue {
  const client = useClient();
  const state = createWidgetValue(
    el,
    () => el().files,
    (files) => files.map((file) => file.id),
  );
  const [uploading, setUploading] = createSignal(false);
  const [error, setError] = createSignal<string>();

  async function add(picked: File[], options: { append: boolean }): Promise<UploadedFileRef[]> {
    if (uploading() || picked.length === 0) return [];
    const refusals: string[] = [];
    const accepted = picked.filter((file) => {
      const refusal = checkFile(file, el());
      if (refusal) refusals.push(refusal);
      return refusal === undefined;
    });
    setError(refusals.length > 0 ? refusals.join(" ") : undefined);
    if (accepted.length === 0) return [];

    setUploading(true);
    const outcome = await uploadFiles(el().id, client.tree.sessionId, accepted).finally(() =>
      setUploading(false),
    );
    if (!outcome.ok) {
      setError([...refusals, outcome.message].join(" "));
      return [];
    }
    state.commit(options.append ? [...state.value(), ...outcome.files] : outcome.files);
    return outcome.files;
  }

  return {
    files: state.value,
    uploading,
    error,
    showError: setError,
    add,
    set(files) {
      setError(undefined);
      state.commit(files);
    },
  };
}
