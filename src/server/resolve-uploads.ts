import { isUploadKind } from "../elements/kinds.ts";
import type { UploadedFileRef, WidgetChange } from "../protocol/index.ts";
import type { SessionRecord } from "../session/record.ts";
import type { MediaStore } from "../media/media-store.ts";

/**
 * Upload widgets' values arrive as file ids; this turns them into the files'
 * refs, looked up in this session's uploads for this widget. An id that is
 * unknown, expired, another widget's or another session's becomes a refusal,
 * so one session can never reach another's files.
 */
export async function resolveUploads(
  changes: readonly WidgetChange[],
  record: SessionRecord,
  sessionId: string,
  media: MediaStore,
): Promise<readonly WidgetChange[]> {
  // Most events hold no upload: nothing to look up.
  const isUpload = (change: WidgetChange) => {
    const kind = record.widgets[change.id]?.kind;
    return kind !== undefined && isUploadKind(kind);
  };
  if (!changes.some(isUpload)) return changes;
  return Promise.all(
    changes.map(async (change) => {
      const widget = record.widgets[change.id];
      if (!widget || !isUploadKind(widget.kind) || !Array.isArray(change.value)) return change;
      const ids = change.value as unknown[];
      if (!ids.every((id): id is string => typeof id === "string"))
        return { id: change.id, value: { refused: "expected the ids of uploaded files" } };
      const refs = await Promise.all(
        ids.map((fileId) => media.getUploadRef(sessionId, change.id, fileId)),
      );
      if (refs.some((ref) => ref === undefined))
        return {
          id: change.id,
          value: { refused: "that file is not one this widget received (or it has expired)" },
        };
      return { id: change.id, value: refs as UploadedFileRef[] };
    }),
  );
}
