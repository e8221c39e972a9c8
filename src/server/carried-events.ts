import type { RerunRequest, WidgetChange } from "../protocol/index.ts";
import type { SessionRecord } from "../session/record.ts";
import { appliedUpTo, isApplied } from "./event-sequence.ts";

/**
 * The changes an event must apply, in runs: the carried (abandoned) events
 * the record has not applied yet, then the event's own. Consecutive events
 * share a run, newest values winning, unless that would merge two clicks of
 * one widget: then the later click starts a new run, so no click is lost.
 */
export function changeRuns(
  request: RerunRequest,
  record: SessionRecord,
  isTrigger: (widgetId: string) => boolean,
): WidgetChange[][] {
  if (isApplied(request, record)) return [[]];
  const pending = [...unappliedCarried(request, record), request.changes];

  const runs: WidgetChange[][] = [[]];
  for (const changes of pending) {
    const current = runs.at(-1)!;
    const clicked = new Set(
      current.filter((change) => isTrigger(change.id)).map((change) => change.id),
    );
    if (changes.some((change) => isTrigger(change.id) && clicked.has(change.id)))
      runs.push([...changes]);
    else current.push(...changes);
  }
  return runs;
}

/** The changes of the carried events the record has not applied, oldest first. */
function unappliedCarried(request: RerunRequest, record: SessionRecord): WidgetChange[][] {
  const carried = request.carried ?? [];
  if (request.seq) {
    // Numbered: the tab's high-water mark says which are in, however late this copy comes.
    const applied = appliedUpTo(record, request.seq.tab);
    return carried.filter((event) => event.seq! > applied).map((event) => event.changes);
  }
  // The record names the last event it applied; everything carried up to it is in already.
  const appliedIndex = carried.findIndex((event) => event.eventId === record.lastEventId);
  return carried.slice(appliedIndex + 1).map((event) => event.changes);
}
