import { Redis } from "ioredis";
import { startEdgelit, startRedis } from "../helpers/processes.ts";
import { describeEventLoop } from "./event-loop-suite.ts";

let redis: Redis | undefined;

describeEventLoop("a real Redis", {
  async start() {
    const redisServer = await startRedis();
    try {
      const server = await startEdgelit({ storage: redisServer.url });
      redis = new Redis(redisServer.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
      return {
        url: server.url,
        async stop() {
          redis?.disconnect();
          await server.stop();
          await redisServer.stop();
        },
      };
    } catch (error) {
      await redisServer.stop();
      throw error;
    }
  },
  hasRecord: async (sessionId) => (await redis!.exists(`edgelit:session:${sessionId}`)) === 1,
});
