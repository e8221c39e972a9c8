/**
 * A small seeded fuzzer: the same seed makes the same requests, so a failure
 * names the seed and the case that reproduce it. Bounded by the caller's count.
 */

/** A deterministic generator of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Choices drawn from one seeded generator. */
export class Fuzz {
  readonly random: () => number;

  constructor(readonly seed: number) {
    this.random = seededRandom(seed);
  }

  /** An integer in [0, below). */
  int(below: number): number {
    return Math.floor(this.random() * below);
  }

  /** One of `items`. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.random() < p;
  }

  /** A value of any JSON type, from plain to hostile (huge, deep, odd numbers, paths). */
  value(related: readonly string[] = []): unknown {
    const values: (() => unknown)[] = [
      () => null,
      () => true,
      () => this.int(2000) - 1000,
      () => this.pick([-1, 0, 1e308, -1e308, 2 ** 53 + 1, 0.1, -0]),
      () => "",
      () => "x".repeat(this.pick([1, 100, 70_000])),
      () => this.pick(["../../etc/passwd", "%2e%2e/", "\u0000", "<script>", "edgelit:session:*"]),
      () => [],
      () => ({}),
      () => Array.from({ length: this.int(5) }, () => this.int(10)),
      () => deeplyNested(this.pick([10, 5_000, 200_000])),
      () => ({ __proto__: { polluted: true }, constructor: { prototype: 1 } }),
      ...related.map((text) => () => text),
    ];
    return this.pick(values)();
  }

  /** `text` with a few bytes changed, cut, or inserted. */
  mangle(text: string): string {
    let out = text;
    for (let edits = 1 + this.int(3); edits > 0; edits--) {
      const at = this.int(out.length + 1);
      switch (this.int(4)) {
        case 0:
          out = out.slice(0, at);
          break;
        case 1:
          out = out.slice(0, at) + String.fromCharCode(this.int(256)) + out.slice(at + 1);
          break;
        case 2:
          out = out.slice(0, at) + this.pick(['"', "{", "]", ",", "\\", "\ud800"]) + out.slice(at);
          break;
        default:
          out = out.slice(0, at) + out.slice(at + 1 + this.int(20));
      }
    }
    return out;
  }

  /** A copy of `object` with one field replaced, removed, or added. */
  mutateObject(
    object: Record<string, unknown>,
    related: readonly string[],
  ): Record<string, unknown> {
    const copy = { ...object };
    const keys = Object.keys(copy);
    const key = this.pick(keys);
    switch (this.int(3)) {
      case 0:
        copy[key] = this.value(related);
        break;
      case 1:
        delete copy[key];
        break;
      default:
        copy[this.pick(["extra", "__proto__", "constructor", "type"])] = this.value(related);
    }
    return copy;
  }
}

/** `[[[…]]]` nested `depth` times, as text, so building it costs no stack. */
export function deeplyNestedJson(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

function deeplyNested(depth: number): unknown {
  // Built iteratively; JSON.stringify of it would recurse, so callers embed deep values as text.
  let value: unknown[] = [];
  for (let i = 1; i < Math.min(depth, 1000); i++) value = [value];
  return value;
}

/** Forms of a real session id that must not reach that session. */
export function lookalikeIds(id: string): string[] {
  return [
    `${id}x`,
    id.slice(0, -1),
    id.toUpperCase(),
    `../${id}`,
    `${id}/..`,
    `${id}:media`,
    `edgelit:session:${id}`,
    encodeURIComponent(`../${id}`),
    ` ${id}`,
    `${id}\u0000`,
  ];
}
