/**
 * A fast 53-bit string hash (cyrb53). Element hashes only need to tell "same
 * content" from "changed content" between two runs of one session, so a
 * non-cryptographic hash with 2^53 values is plenty and costs microseconds.
 */
export function hashString(input: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The hash of an element's kind and props, as `kind:digest`; equal hashes
 * mean the same JSON, so nothing to send. The props are hashed as they are
 * walked, with no JSON made and nothing cached: an element costs the same
 * whether the page has 25 elements or 25,000, and whatever other sessions
 * the process serves (a cache shared by the process has a size past which
 * every element misses). What JSON does not show is skipped as JSON skips
 * it; values JSON renders in its own way (a Date, a class instance) are
 * hashed as their JSON.
 *
 * `previous`, the hash the client holds at the element's place, is given
 * back when it is the same (and its prefix is this kind), so an unchanged
 * element makes no string.
 *
 * @example
 * hashElement("markdown", { body: "Hello" }) === hashElement("markdown", { body: "Hello" }); // true
 */
export function hashElement(kind: string, props: unknown, previous?: string): string {
  state[0] = 0xdeadbeef;
  state[1] = 0x41c6ce57;
  mixString(kind);
  mixValue(props, 0);
  finish();
  const low = state[0]!;
  const high = state[1]! & 0x1fffff;
  // Unchanged (the common case): the hash the client holds, with no string made.
  if (
    previous !== undefined &&
    sameDigits(previous, kind.length + 1, low, high) &&
    previous.startsWith(kind)
  )
    return previous;
  return `${kind}:${digits(low, high)}`;
}

/**
 * A 64-bit digest of a value as its JSON shows it (the same walk as
 * {@link hashElement}, both halves of the state kept): names a whole tree of
 * element hashes, where 53 bits would leave a collision between many trees
 * less unlikely than it need be.
 *
 * @example
 * digestValue({ "0.0": "markdown:abc" }); // "1ekx9ph.w1ep3c"
 */
export function digestValue(value: unknown): string {
  state[0] = 0x2545f491;
  state[1] = 0x9e3779b9;
  mixValue(value, 0);
  finish();
  return `${digits(state[0]!, state[1]! & 0x1fffff)}${digits(state[1]! >>> 21, 0)}`;
}

// --- Internal helpers ---

/**
 * The running state of one hash (hashing is synchronous, so one suffices). In
 * a typed array, not two module variables: those would hold each 32-bit step
 * as a heap number, one allocation per character.
 */
const state = /* @__PURE__ */ new Int32Array(2);

/** The final mixing of cyrb53, left in `state`. */
function finish(): void {
  const h1 = state[0]!;
  const h2 = state[1]!;
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  state[1] = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  state[0] = a;
}

/** 64 characters that mean nothing else in a hash (no ":" nor "."), 6 bits each. */
const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-";
const DIGIT_CODES = /* @__PURE__ */ Array.from(DIGITS, (digit) => digit.charCodeAt(0));

/** True when `hash` has a `:` at `at - 1` and then exactly these digits (the caller checks the kind before it). */
function sameDigits(hash: string, at: number, low: number, high: number): boolean {
  return (
    hash.length === at + 9 &&
    hash.charCodeAt(at - 1) === 58 &&
    hash.charCodeAt(at) === DIGIT_CODES[low & 63] &&
    hash.charCodeAt(at + 1) === DIGIT_CODES[(low >>> 6) & 63] &&
    hash.charCodeAt(at + 2) === DIGIT_CODES[(low >>> 12) & 63] &&
    hash.charCodeAt(at + 3) === DIGIT_CODES[(low >>> 18) & 63] &&
    hash.charCodeAt(at + 4) === DIGIT_CODES[(low >>> 24) & 63] &&
    hash.charCodeAt(at + 5) === DIGIT_CODES[((low >>> 30) | (high << 2)) & 63] &&
    hash.charCodeAt(at + 6) === DIGIT_CODES[(high >>> 4) & 63] &&
    hash.charCodeAt(at + 7) === DIGIT_CODES[(high >>> 10) & 63] &&
    hash.charCodeAt(at + 8) === DIGIT_CODES[(high >>> 16) & 63]
  );
}

/**
 * 32 bits of `low` and 21 of `high` as 9 characters. Number#toString(36) of
 * a 53-bit number costs as much as hashing a line of text.
 */
function digits(low: number, high: number): string {
  return String.fromCharCode(
    DIGIT_CODES[low & 63]!,
    DIGIT_CODES[(low >>> 6) & 63]!,
    DIGIT_CODES[(low >>> 12) & 63]!,
    DIGIT_CODES[(low >>> 18) & 63]!,
    DIGIT_CODES[(low >>> 24) & 63]!,
    DIGIT_CODES[((low >>> 30) | (high << 2)) & 63]!,
    DIGIT_CODES[(high >>> 4) & 63]!,
    DIGIT_CODES[(high >>> 10) & 63]!,
    DIGIT_CODES[(high >>> 16) & 63]!,
  );
}

/**
 * Tags that open each value: outside the range of a UTF-16 code unit, so a
 * tag is never read as a character. With each string's length before its
 * characters, two different values never mix the same sequence.
 */
const STRING = 0x10001;
const INTEGER = 0x10002;
const DOUBLE = 0x10003;
const TRUE = 0x10004;
const FALSE = 0x10005;
const NULL = 0x10006;
const OBJECT = 0x10007;
const ARRAY = 0x10008;
const END = 0x10009;
const AS_JSON = 0x1000a;

/** Nesting past this depth is hashed as its JSON (which also reports a cycle as JSON would). */
const MAX_DEPTH = 32;

const numberBits = /* @__PURE__ */ new Float64Array(1);
const numberWords = /* @__PURE__ */ new Uint32Array(numberBits.buffer);

function mix(code: number): void {
  state[0] = Math.imul(state[0]! ^ code, 2654435761);
  state[1] = Math.imul(state[1]! ^ code, 1597334677);
}

function mixString(text: string): void {
  let h1 = Math.imul(state[0]! ^ STRING, 2654435761);
  let h2 = Math.imul(state[1]! ^ STRING, 1597334677);
  h1 = Math.imul(h1 ^ text.length, 2654435761);
  h2 = Math.imul(h2 ^ text.length, 1597334677);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  state[0] = h1;
  state[1] = h2;
}

function mixNumber(value: number): void {
  // JSON shows NaN and the infinities as null, and -0 as 0.
  if (!Number.isFinite(value)) return mix(NULL);
  if ((value | 0) === value) {
    mix(INTEGER);
    return mix(value | 0);
  }
  numberBits[0] = value;
  mix(DOUBLE);
  mix(numberWords[0]!);
  mix(numberWords[1]!);
}

/** Mixes a value as JSON shows it; false when JSON would leave it out (undefined, a function, a symbol). */
function mixValue(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case "string":
      mixString(value);
      return true;
    case "number":
      mixNumber(value);
      return true;
    case "boolean":
      mix(value ? TRUE : FALSE);
      return true;
    case "undefined":
    case "function":
    case "symbol":
      return false;
    case "bigint":
      // JSON throws for it: so does the hash, as it did when it hashed JSON.
      JSON.stringify(value);
  }
  if (value === null) {
    mix(NULL);
    return true;
  }
  if (depth < MAX_DEPTH) {
    if (Array.isArray(value)) {
      mixArray(value, depth);
      return true;
    }
    const object = value as object;
    const prototype = Object.getPrototypeOf(object);
    if ((prototype === Object.prototype || prototype === null) && !("toJSON" in object)) {
      mixObject(object as Record<string, unknown>, depth);
      return true;
    }
  }
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) return false;
  mix(AS_JSON);
  mixString(json);
  return true;
}

function mixArray(items: readonly unknown[], depth: number): void {
  mix(ARRAY);
  for (let i = 0; i < items.length; i++) if (!mixValue(items[i], depth + 1)) mix(NULL);
  mix(END);
}

function mixObject(object: Record<string, unknown>, depth: number): void {
  mix(OBJECT);
  for (const name in object) {
    const value = object[name];
    // Most props are strings, numbers and booleans: no call to skip what JSON leaves out.
    if (value === undefined || typeof value === "function" || typeof value === "symbol") continue;
    mixString(name);
    mixValue(value, depth + 1);
  }
  mix(END);
}
