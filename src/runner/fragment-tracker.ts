import { pathKey, type ElementPath } from "../protocol/index.ts";
import type { FragmentState, SessionRecord } from "../session/record.ts";
import type { FragmentDefinition } from "./fragment-registry.ts";

/** The fragment a run redraws instead of the whole app, as its record entry knows it. */
export interface FragmentScope {
  instanceId: string;
  state: FragmentState;
  definition: FragmentDefinition;
}

/**
 * The fragments one run reaches: their instance ids, blocks, arguments and
 * widgets, which the run writes into the record so any server can rerun one
 * of them alone on the next event.
 */
export class FragmentTracker {
  private reached = new Map<string, FragmentState>();
  /** Block key of each reached instance. */
  private keys = new Map<string, string>();
  /** Calls of one definition under one parent, so a fragment called twice gets two instances. */
  private calls = new Map<string, number>();

  /** The fragment this run redraws; undefined for a run of the whole app. */
  scope: FragmentScope | undefined;

  /** Starts (or after `st.rerun()` restarts) tracking; a scoped run has reached its own fragment. */
  begin(): void {
    this.reached.clear();
    this.keys.clear();
    this.calls.clear();
    if (this.scope) this.enter(this.scope.instanceId, { ...this.scope.state, widgets: [] });
  }

  /**
   * The instance id of the next call of `definitionId` drawn into the block
   * at `containerPath`: the id itself, then `id#2`, ...; inside another
   * fragment it is prefixed by that fragment's (`outer/inner`), so a rerun
   * of the outer one names its inner fragments as the full run did.
   */
  instanceIdFor(definitionId: string, containerPath: ElementPath): string {
    const parent = this.ownerOf(pathKey(containerPath));
    const base = parent === undefined ? definitionId : `${parent}/${definitionId}`;
    const count = (this.calls.get(base) ?? 0) + 1;
    this.calls.set(base, count);
    return count === 1 ? base : `${base}#${count}`;
  }

  /** Notes a fragment drawn by this run. */
  enter(instanceId: string, state: FragmentState): void {
    this.reached.set(instanceId, state);
    this.keys.set(instanceId, pathKey(state.path));
  }

  /** True once this run has drawn a dialog (or redraws one). */
  hasDialog(): boolean {
    for (const state of this.reached.values()) if (state.dialog) return true;
    return false;
  }

  /** Notes a widget placed at `path`: it belongs to every fragment around it. */
  noteWidget(path: ElementPath, widgetId: string): void {
    if (this.reached.size === 0) return;
    const key = pathKey(path);
    for (const [instanceId, blockKey] of this.keys) {
      if (key.startsWith(`${blockKey}.`)) this.reached.get(instanceId)!.widgets.push(widgetId);
    }
  }

  /** The innermost fragment whose block holds (or is) the block at `key`. */
  private ownerOf(key: string): string | undefined {
    let owner: string | undefined;
    let ownerKey = "";
    for (const [instanceId, blockKey] of this.keys) {
      if (
        (key === blockKey || key.startsWith(`${blockKey}.`)) &&
        blockKey.length > ownerKey.length
      ) {
        owner = instanceId;
        ownerKey = blockKey;
      }
    }
    return owner;
  }

  /**
   * The widgets a finished run forgets when it did not draw them: all for a
   * run of the app, those of its fragment for a fragment's run.
   */
  droppable(record: SessionRecord): Iterable<string> {
    return this.scope
      ? (record.fragments?.[this.scope.instanceId]?.widgets ?? [])
      : Object.keys(record.widgets);
  }

  /**
   * Writes the fragments into the record. A completed run of the app replaces
   * them all; a fragment's run replaces its own and those nested in it. A
   * failed run only adds what it reached.
   */
  save(record: SessionRecord, completed: boolean): void {
    const reached = Object.fromEntries(this.reached);
    if (!this.scope) {
      const fragments = completed ? reached : { ...record.fragments, ...reached };
      // An app without fragments keeps its records as they were.
      if (Object.keys(fragments).length > 0) record.fragments = fragments;
      else delete record.fragments;
      return;
    }
    const inside = `${pathKey(this.scope.state.path)}.`;
    const kept = Object.entries(record.fragments ?? {}).filter(
      ([, state]) => !completed || !pathKey(state.path).startsWith(inside),
    );
    record.fragments = { ...Object.fromEntries(kept), ...reached };
  }
}
