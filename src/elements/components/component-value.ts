import { tableFromIPC } from "apache-arrow";
import { COMPONENT_VALUE_MAX_BYTES } from "../../protocol/index.ts";
import { stableJson } from "../../runner/widget-rules.ts";
import { defineWidget, describe, ok, refuse, type WidgetCodec } from "../core/widget-kind.ts";

/**
 * What a declared component's frontend sent, as the app sees it: JSON as is,
 * bytes as a Uint8Array, an Arrow table (`dataframe`) as an array of records.
 * Each is checked here, on the server: the page only forwards what the frame
 * posted, and a frame is not trusted to post anything well formed.
 */
export const componentValueCodec: WidgetCodec = {
  fromClient(raw) {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw))
      return refuse(`a component's value is sent as { dataType, ... }; got ${describe(raw)}`);
    const sent = raw as Record<string, unknown>;
    const size = stableJson(raw).length;
    if (size > COMPONENT_VALUE_MAX_BYTES)
      return refuse(
        `a component's value may hold ${COMPONENT_VALUE_MAX_BYTES} bytes; this one holds ${size}`,
      );
    switch (sent.dataType) {
      case "json":
        return ok(sent.value ?? null);
      case "bytes": {
        const bytes = fromBase64(sent.base64);
        return bytes ? ok(bytes) : refuse("its bytes are not base64");
      }
      case "dataframe": {
        const bytes = fromBase64(sent.base64);
        const records = bytes && recordsOf(bytes);
        return records ? ok(records) : refuse("its dataframe is not an Arrow IPC stream");
      }
      default:
        return refuse(
          `a component's value is JSON, bytes or a dataframe; got dataType ${describe(sent.dataType)}`,
        );
    }
  },
  check(value) {
    if (value instanceof Uint8Array) return undefined;
    const size = stableJson(value).length;
    return size > COMPONENT_VALUE_MAX_BYTES
      ? `a component's value may hold ${COMPONENT_VALUE_MAX_BYTES} bytes of JSON; this one holds ${size}`
      : undefined;
  },
};

/** The kind of declared components: its value is what its frontend last sent; forms cannot hold it. */
export const declaredComponentKind = defineWidget("component", {
  codec: componentValueCodec,
  // Its frontend sends each value at once: a form could not hold it until its submit.
  notInForms: "A component sends its value at once: put it outside the form.",
});

// --- Internal helpers ---

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function fromBase64(text: unknown): Uint8Array | undefined {
  if (typeof text !== "string" || text.length % 4 !== 0 || !BASE64.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function recordsOf(bytes: Uint8Array): Record<string, unknown>[] | undefined {
  try {
    const table = tableFromIPC(bytes);
    // Bytes that hold no Arrow message read as a table of no columns, not as an error.
    if (table.schema.fields.length === 0) return undefined;
    return table.toArray().map((row: { toJSON(): Record<string, unknown> }) => row.toJSON());
  } catch {
    return undefined;
  }
}
