import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Redis } from "ioredis";

/** A running Upstash REST stand-in. */
export interface UpstashFixture {
  /** `http://127.0.0.1:<port>`, as UPSTASH_REDIS_REST_URL. */
  url: string;
  /** The Bearer token it accepts, as UPSTASH_REDIS_REST_TOKEN. */
  token: string;
  stop(): Promise<void>;
}

type Reply = { result: unknown } | { error: string };

/**
 * Speaks Upstash's REST protocol, as @upstash/redis 1.39 uses it, in front of
 * a real redis-server: `POST /` runs one command, `/pipeline` several,
 * `/multi-exec` several in a transaction. Nothing on npm implements it.
 *
 * Pitfalls it handles: with `Upstash-Encoding: base64` every string in a
 * result is base64, nested ones and hash field names included (ioredis gives
 * HGETALL as an object with plain-string keys); numbers and null stay raw.
 * The client auto-pipelines by default, so `/pipeline` is not optional.
 *
 * @example
 * const upstash = await startUpstashFixture(redis.url);
 * const client = new Redis({ url: upstash.url, token: upstash.token, retry: false });
 * await upstash.stop();
 */
export async function startUpstashFixture(redisUrl: string): Promise<UpstashFixture> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const token = randomBytes(16).toString("hex");

  // Upstash takes non-string arguments as JSON (numbers arrive as numbers).
  const argsOf = (command: unknown[]) =>
    command.map((part) => (typeof part === "string" ? part : JSON.stringify(part)));
  const run = async (command: unknown[], base64: boolean): Promise<Reply> => {
    const [name, ...args] = argsOf(command);
    try {
      return { result: encode(await redis.callBuffer(name!, ...args), base64) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  const transaction = async (commands: unknown[][], base64: boolean): Promise<Reply[]> => {
    const multi = redis.multi();
    for (const command of commands) {
      const [name, ...args] = argsOf(command);
      multi.callBuffer(name!, ...args);
    }
    const results = (await multi.exec()) ?? [];
    return results.map(([error, result]) =>
      error ? { error: error.message } : { result: encode(result, base64) },
    );
  };

  const server = createServer(async (request, response) => {
    if (request.headers.authorization !== `Bearer ${token}`)
      return reply(response, 401, { error: "Unauthorized" });
    const base64 = request.headers["upstash-encoding"] === "base64";
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request));
    } catch {
      return reply(response, 400, { error: "ERR the body is not JSON" });
    }
    if (!Array.isArray(body) || body.length === 0)
      return reply(response, 400, { error: "ERR the body must be a non-empty array" });
    const batch = body as unknown[][];
    switch (request.method === "POST" ? request.url : undefined) {
      case "/": {
        const answer = await run(body, base64);
        return reply(response, "error" in answer ? 400 : 200, answer);
      }
      case "/pipeline":
        if (!batch.every(Array.isArray))
          return reply(response, 400, { error: "ERR each command must be an array" });
        return reply(
          response,
          200,
          await Promise.all(batch.map((command) => run(command, base64))),
        );
      case "/multi-exec":
        if (!batch.every(Array.isArray))
          return reply(response, 400, { error: "ERR each command must be an array" });
        return reply(response, 200, await transaction(batch, base64));
      default:
        return reply(response, 404, { error: "ERR unknown endpoint" });
    }
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    async stop() {
      // Clients keep connections alive: close them, or close() waits for their idle timeout.
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
      redis.disconnect();
    },
  };
}

/** A redis reply as Upstash returns it: strings (base64 or not), numbers, null, arrays. */
function encode(value: unknown, base64: boolean): unknown {
  if (Buffer.isBuffer(value)) return base64 ? value.toString("base64") : value.toString("utf8");
  if (typeof value === "string") return base64 ? Buffer.from(value).toString("base64") : value;
  if (Array.isArray(value)) return value.map((item) => encode(item, base64));
  // ioredis turns HGETALL into an object; Upstash sends it flat, field names encoded too.
  if (value && typeof value === "object")
    return Object.entries(value)
      .flat()
      .map((item) => encode(item, base64));
  return value ?? null;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
