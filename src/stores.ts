/**
 * Session stores edgelit adds to unstorage's drivers. Any unstorage instance
 * works as a store; these also make saves atomic across replicas.
 *
 * @example
 * import { createUpstashStorage } from "edgelit/stores";
 * const storage = createUpstashStorage({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN });
 */
export { createUpstashStorage } from "./session/upstash-store.ts";
export type { UpstashStorageOptions } from "./session/upstash-store.ts";
export type { AtomicDriver, SaveGuarantee } from "./session/conditional-write.ts";
export { acknowledgedRedisDriver } from "./session/redis-acknowledged.ts";
export type { RedisAcknowledgementOptions } from "./session/redis-acknowledged.ts";
export { storeErrorKind, UnconfirmedSaveError } from "./session/store-error.ts";
export type { StoreErrorKind } from "./session/store-error.ts";
