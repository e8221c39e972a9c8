// The order of sorted rows is the protocol's: the server computes the same for frames too large
// to load whole (see src/server/frame-order-route.ts).
export { sortedOrder, type SortState } from "../../../../src/protocol/row-order.ts";
