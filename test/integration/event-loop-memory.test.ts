import { startEdgelit } from "../helpers/processes.ts";
import { describeEventLoop } from "./event-loop-suite.ts";

describeEventLoop("memory storage", {
  start: () => startEdgelit({ storage: "memory" }),
});
