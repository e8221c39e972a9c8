// Rewrites src/elements/icons/material-icon-names.ts with every icon name the Material Symbols Rounded
// font (from the material-symbols package, the font the client draws icons with) turns into a
// glyph: the ligatures of its GSUB table. That is more than the package's index.d.ts lists, which
// leaves out older names the font still draws (expand_more, done).
// Run after upgrading material-symbols: node scripts/material-icon-names.mjs
// With --check it only tells (exit code 1) whether the file is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import { brotliDecompressSync } from "node:zlib";

const FONT = new URL(
  "../node_modules/material-symbols/material-symbols-rounded.woff2",
  import.meta.url,
);
const OUTPUT = new URL("../src/elements/icons/material-icon-names.ts", import.meta.url);

// WOFF2's known table tags, by the index its table directory uses for them.
const KNOWN_TAGS = (
  "cmap head hhea hmtx maxp name OS/2 post cvt_ fpgm glyf loca prep CFF_ VORG EBDT EBLC gasp hdmx kern LTSH PCLT VDMX " +
  "vhea vmtx BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL SVG_ sbix acnt avar bdat bloc bsln cvar fdsc feat fmtx " +
  "fvar gvar hsty just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill"
)
  .split(" ")
  .map((tag) => tag.replace("_", " "));

/** The uncompressed tables of a WOFF2 font, by tag (transformed glyf/loca/hmtx stay transformed). */
function woff2Tables(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tableCount = view.getUint16(12);
  const compressedSize = view.getUint32(20);
  let at = 48;
  const base128 = () => {
    let value = 0;
    for (;;) {
      const byte = bytes[at++];
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return value;
    }
  };
  const directory = [];
  for (let index = 0; index < tableCount; index++) {
    const flags = bytes[at++];
    let tag = KNOWN_TAGS[flags & 0x3f];
    if ((flags & 0x3f) === 0x3f) {
      tag = String.fromCharCode(...bytes.subarray(at, at + 4));
      at += 4;
    }
    const version = flags >> 6;
    const length = base128();
    const transformed = tag === "glyf" || tag === "loca" ? version !== 3 : version !== 0;
    directory.push({ tag, length: transformed ? base128() : length });
  }
  const stream = brotliDecompressSync(bytes.subarray(at, at + compressedSize));
  const tables = new Map();
  let offset = 0;
  for (const { tag, length } of directory) {
    tables.set(tag, new DataView(stream.buffer, stream.byteOffset + offset, length));
    offset += length;
  }
  return tables;
}

/** Glyph id → the character the cmap maps to it (format 4 and 12 subtables). */
function charactersByGlyph(cmap) {
  const characters = new Map();
  const count = cmap.getUint16(2);
  for (let index = 0; index < count; index++) {
    const table = cmap.getUint32(4 + index * 8 + 4);
    const format = cmap.getUint16(table);
    if (format === 4) {
      const segments = cmap.getUint16(table + 6) / 2;
      const ends = table + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const rangeOffsets = deltas + segments * 2;
      for (let segment = 0; segment < segments; segment++) {
        const start = cmap.getUint16(starts + segment * 2);
        const end = cmap.getUint16(ends + segment * 2);
        const delta = cmap.getUint16(deltas + segment * 2);
        const rangeOffset = cmap.getUint16(rangeOffsets + segment * 2);
        for (let code = start; code <= end && code !== 0xffff; code++) {
          let glyph;
          if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
          else {
            const raw = cmap.getUint16(
              rangeOffsets + segment * 2 + rangeOffset + (code - start) * 2,
            );
            glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
          }
          if (glyph !== 0 && !characters.has(glyph))
            characters.set(glyph, String.fromCodePoint(code));
        }
      }
    } else if (format === 12) {
      const groups = cmap.getUint32(table + 12);
      for (let group = 0; group < groups; group++) {
        const start = cmap.getUint32(table + 16 + group * 12);
        const end = cmap.getUint32(table + 20 + group * 12);
        const firstGlyph = cmap.getUint32(table + 24 + group * 12);
        for (let code = start; code <= end; code++) {
          if (!characters.has(firstGlyph + code - start))
            characters.set(firstGlyph + code - start, String.fromCodePoint(code));
        }
      }
    }
  }
  return characters;
}

function coverageGlyphs(table, at) {
  const glyphs = [];
  if (table.getUint16(at) === 1) {
    for (let index = 0; index < table.getUint16(at + 2); index++)
      glyphs.push(table.getUint16(at + 4 + index * 2));
  } else {
    for (let range = 0; range < table.getUint16(at + 2); range++) {
      const start = table.getUint16(at + 4 + range * 6);
      const end = table.getUint16(at + 6 + range * 6);
      for (let glyph = start; glyph <= end; glyph++) glyphs.push(glyph);
    }
  }
  return glyphs;
}

/** Every ligature of the GSUB table (lookup type 4, or 7 wrapping it) as its component glyph ids. */
function ligatures(gsub) {
  const found = [];
  const lookupList = gsub.getUint16(8);
  const readSubtable = (type, at) => {
    if (type === 7) return readSubtable(gsub.getUint16(at + 2), at + gsub.getUint32(at + 4));
    if (type !== 4) return;
    const firsts = coverageGlyphs(gsub, at + gsub.getUint16(at + 2));
    firsts.forEach((first, index) => {
      const set = at + gsub.getUint16(at + 6 + index * 2);
      for (let ligature = 0; ligature < gsub.getUint16(set); ligature++) {
        const entry = set + gsub.getUint16(set + 2 + ligature * 2);
        const count = gsub.getUint16(entry + 2);
        const rest = Array.from({ length: count - 1 }, (_, component) =>
          gsub.getUint16(entry + 4 + component * 2),
        );
        found.push([first, ...rest]);
      }
    });
  };
  for (let lookup = 0; lookup < gsub.getUint16(lookupList); lookup++) {
    const at = lookupList + gsub.getUint16(lookupList + 2 + lookup * 2);
    for (let subtable = 0; subtable < gsub.getUint16(at + 4); subtable++)
      readSubtable(gsub.getUint16(at), at + gsub.getUint16(at + 6 + subtable * 2));
  }
  return found;
}

const tables = woff2Tables(readFileSync(FONT));
const characters = charactersByGlyph(tables.get("cmap"));
const names = new Set();
for (const components of ligatures(tables.get("GSUB"))) {
  // The font draws lower case letters with the capitals' glyphs (a single substitution), so its
  // ligatures are spelt in capitals.
  const name = components
    .map((glyph) => characters.get(glyph) ?? "\u0000")
    .join("")
    .toLowerCase();
  if (/^[a-z0-9_]+$/.test(name)) names.add(name);
}
const sorted = [...names].sort();

const lines = [];
let line = "";
for (const name of sorted) {
  if (line && `${line} ${name}`.length > 110) {
    lines.push(line);
    line = name;
  } else line = line ? `${line} ${name}` : name;
}
lines.push(line);

const source = `// Every icon name the Material Symbols Rounded font the client ships draws (the ligatures of its
// GSUB table). Written by scripts/material-icon-names.mjs; a unit test checks it is current.
const NAMES = \`
${lines.join("\n")}
\`;

/** Every name \`:material/name:\` may use, as the Material Symbols font draws them. */
export const MATERIAL_ICON_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\\s+/).filter(Boolean));
`;

if (process.argv.includes("--check")) {
  const current = readFileSync(OUTPUT, "utf8") === source;
  console.log(
    current
      ? "src/elements/icons/material-icon-names.ts is current"
      : "src/elements/icons/material-icon-names.ts is out of date: run node scripts/material-icon-names.mjs",
  );
  process.exitCode = current ? 0 : 1;
} else {
  writeFileSync(OUTPUT, source);
  console.log(
    `${sorted.length} Material icon names written to src/elements/icons/material-icon-names.ts`,
  );
}
