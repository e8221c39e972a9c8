/**
 * Caching, as in Streamlit: `cacheData` keeps results in the shared store for
 * every replica, `cacheResource` keeps objects in this process.
 */
export {
  cacheData,
  clearSharedCache,
  type CacheDataOptions,
  type CachedDataFunction,
} from "./cache-data.ts";
export {
  cacheResource,
  type CacheResourceOptions,
  type CachedResourceFunction,
} from "./cache-resource.ts";
