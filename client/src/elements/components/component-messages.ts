import type { ComponentWireValue } from "../../../../src/protocol/index.ts";

/** A message a declared component's frame posted, as the page reads it. */
export type FrameMessage =
  | { type: "ready" }
  | { type: "value"; value: ComponentWireValue | { dataType: string } }
  | { type: "height"; height: number };

/**
 * Reads one message of Streamlit's component protocol. Anything that is not
 * such a message is undefined; a value of an unknown shape is forwarded as
 * such, for the server to refuse.
 */
export function readFrameMessage(data: unknown): FrameMessage | undefined {
  if (data === null || typeof data !== "object") return undefined;
  const message = data as Record<string, unknown>;
  if (message.isStreamlitMessage !== true) return undefined;
  switch (message.type) {
    case "streamlit:componentReady":
      return { type: "ready" };
    case "streamlit:setFrameHeight":
      return typeof message.height === "number" && Number.isFinite(message.height)
        ? { type: "height", height: Math.max(0, message.height) }
        : undefined;
    case "streamlit:setComponentValue":
      return { type: "value", value: toWireValue(message.value, message.dataType) };
    default:
      return undefined;
  }
}

function toWireValue(value: unknown, dataType: unknown): ComponentWireValue | { dataType: string } {
  if (dataType === "json") return { dataType, value: (value ?? null) as never };
  if (dataType === "bytes" && value instanceof Uint8Array)
    return { dataType, base64: toBase64(value) };
  if (dataType === "dataframe" && isSerializedTable(value))
    return { dataType, base64: toBase64(value.data) };
  return { dataType: String(dataType) };
}

function isSerializedTable(value: unknown): value is { data: Uint8Array } {
  return (
    value !== null &&
    typeof value === "object" &&
    (value as { data?: unknown }).data instanceof Uint8Array
  );
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}
