import { startEdgelit } from "../helpers/processes.ts";
import { describeEventLoop } from "./event-loop-suite.ts";

describeEventLoop("memory storage", {
  start: () => startEdgelit({ storage: "memory" }),
});

// `--threads 0` runs scripts in the thread that serves HTTP, as before script threads.
describeEventLoop("memory storage, scripts in the server's own thread", {
  start: () => startEdgelit({ storage: "memory", extraArgs: ["--threads", "0"] }),
});
