// The part of workerd's built-in "cloudflare:workers" module that edgelit uses,
// typed by hand because @cloudflare/workers-types is not a dependency. The
// shapes follow that package, so this file can simply go if it ever becomes one.
// It is not shipped: the package's declarations import "cloudflare:workers" from
// the Worker's own types (`wrangler types`, @cloudflare/workers-types), which a
// second declaration of the module would clash with.
declare module "cloudflare:workers" {
  /** The synchronous key-value API of a SQLite-backed Durable Object. */
  export interface DurableObjectSyncKv {
    get<T = unknown>(key: string): T | undefined;
    put<T>(key: string, value: T): void;
    delete(key: string): boolean;
    list<T = unknown>(options?: { prefix?: string }): Iterable<[string, T]>;
  }

  export interface DurableObjectStorage {
    readonly kv: DurableObjectSyncKv;
    getAlarm(): Promise<number | null>;
    setAlarm(scheduledTime: number | Date): Promise<void>;
  }

  export interface DurableObjectState {
    readonly storage: DurableObjectStorage;
    /** Accepts a socket with the hibernation API: its messages come to `webSocketMessage`. */
    acceptWebSocket(socket: object, tags?: string[]): void;
  }

  /** Base class of Durable Objects whose public methods are callable over RPC. */
  export abstract class DurableObject<Env = unknown> {
    protected ctx: DurableObjectState;
    protected env: Env;
    constructor(ctx: DurableObjectState, env: Env);
    alarm?(): void | Promise<void>;
    fetch?(request: Request): Response | Promise<Response>;
  }
}
