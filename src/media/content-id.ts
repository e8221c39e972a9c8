/**
 * A 128-bit id of some bytes, salted per session. Four 32-bit lanes mixed
 * murmur-style, one multiply per lane per word: fast enough to run on every
 * rerun over megabytes (st.image is synchronous, and Web Crypto's digest is
 * not). It only needs to tell one session's media apart, and the salt keeps
 * ids unguessable from outside the session.
 */
export function contentId(salt: string, bytes: Uint8Array): string {
  let h1 = 0x9747b28c ^ bytes.length;
  let h2 = 0x85ebca6b;
  let h3 = 0xc2b2ae35;
  let h4 = 0x27d4eb2f;
  for (let i = 0; i < salt.length; i++) h1 = Math.imul(h1 ^ salt.charCodeAt(i), 0x01000193);
  const words = Math.floor(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let w = 0; w < words; w++) {
    const k = view.getUint32(w * 4, true);
    switch (w & 3) {
      case 0:
        h1 = Math.imul(rotl(h1 ^ Math.imul(k, 0xcc9e2d51), 13), 5) + 0xe6546b64;
        break;
      case 1:
        h2 = Math.imul(rotl(h2 ^ Math.imul(k, 0x1b873593), 15), 5) + 0x0bcaa747;
        break;
      case 2:
        h3 = Math.imul(rotl(h3 ^ Math.imul(k, 0x38b34ae5), 17), 5) + 0x96cd1c35;
        break;
      default:
        h4 = Math.imul(rotl(h4 ^ Math.imul(k, 0xa1e38b93), 19), 5) + 0x32ac3b17;
    }
  }
  for (let i = words * 4; i < bytes.length; i++) h4 = Math.imul(h4 ^ bytes[i]!, 0x01000193);
  h1 = fmix(h1 ^ h2 ^ bytes.length);
  h2 = fmix(h2 ^ h3 ^ h1);
  h3 = fmix(h3 ^ h4 ^ h2);
  h4 = fmix(h4 ^ h1 ^ h3);
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, "0")).join("");
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A random id (hex) from the platform's CSPRNG. */
export function randomId(bytes = 16): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
}
