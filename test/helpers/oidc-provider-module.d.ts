// oidc-provider ships no types (and @types/oidc-provider is not installed): what the tests use.
declare module "oidc-provider" {
  import type { Server } from "node:http";
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    /** Trust X-Forwarded-* (Koa's `proxy`). */
    proxy: boolean;
    listen(port: number, host: string): Server;
    on(event: string, listener: (context: unknown, error: unknown) => void): this;
  }
}
