#!/usr/bin/env node
// `node scripts/check-layers.mjs [root]`: the architecture, held by a tool rather than by care.
// It reads every import in src/, client/src/ and adapters/ (type-only ones, `export … from` and
// `import("…")` too), resolves the relative ones to files, and fails on
//   - an import cycle between folders (each file belongs to its own directory), and between the
//     top-level folders of src/;
//   - an import from a lower layer to a higher one (LAYERS below), or from the client to any
//     server code but src/protocol.
// No dependencies: the imports are found by a small scanner, not a parser.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

// The layer order, lowest first: a file may import its own layer and the layers below it.
// "src/*" means the files directly in src/ (the package entry files such as src/index.ts).
const LAYERS = [
  ["src/errors", "src/protocol"],
  ["src/session", "src/media", "src/cache", "src/config"],
  ["src/runner"],
  ["src/elements"],
  ["src/app", "src/connections"],
  ["src/server"],
  ["src/testing"],
  ["src/*"],
  ["adapters"],
];
// The client is built for the browser, outside the layers: of the server's code it sees only this.
const CLIENT = "client/src";
const CLIENT_MAY_IMPORT = ["src/protocol"];
const SCANNED = ["src", CLIENT, "adapters"];
const SOURCE = /\.(ts|tsx|mjs)$/;
const SUFFIXES = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx", "/index.mjs"];

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
const files = SCANNED.flatMap((folder) => listSources(join(root, folder))).sort();
const imports = files.flatMap(readImports).filter((entry) => entry.target !== undefined);
const inSrc = imports.filter((entry) => inside(entry.from, "src") && inside(entry.target, "src"));

// Folder cycles are checked in the server's code (src/, adapters/). The client's folders still
// import in circles through client/src's root files (registry.ts, client-context.ts): a known
// debt, tracked apart; its boundary with the server's code is checked below.
const serverImports = imports.filter(
  (entry) => !inside(entry.from, CLIENT) && !inside(entry.target, CLIENT),
);

const tangles = [
  ...findCycles(serverImports, (file) => dirname(file), "folders"),
  ...findCycles(inSrc, topFolder, "top-level folders of src/"),
];
const cycleCount = tangles.reduce((sum, tangle) => sum + tangle.chains.length, 0);
const srcFiles = files.filter((file) => inside(file, "src"));
const unlayered = [...new Set(srcFiles.filter((file) => !isLayered(file)).map(topFolder))];
const upward = imports.filter((entry) => layerOf(entry.target) > layerOf(entry.from));
const fromClient = imports.filter(
  (entry) =>
    inside(entry.from, CLIENT) &&
    !inside(entry.target, CLIENT) &&
    !CLIENT_MAY_IMPORT.some((folder) => inside(entry.target, folder)),
);

for (const { units, granularity, chains } of tangles) {
  console.log(`import cycles between ${units.length} ${granularity}: ${units.join(", ")}`);
  for (const { path, edges } of chains) {
    console.log(`  cycle: ${[...path, path[0]].join(" → ")}`);
    for (const edge of edges) console.log(`    ${edge.from}:${edge.line} imports ${edge.target}`);
  }
}
for (const folder of unlayered) {
  console.log(`${folder}/ is in no layer: add it to LAYERS in scripts/check-layers.mjs`);
}
for (const entry of upward) {
  const [from, to] = [layerOf(entry.from), layerOf(entry.target)];
  const why = `${nameOf(entry.from)} (layer ${from + 1}) imports ${nameOf(entry.target)} (layer ${to + 1})`;
  const allowed = LAYERS.slice(0, from + 1).flat();
  console.log(`${where(entry)}\n  upward: ${why}; it may import ${allowed.join(", ")}`);
}
for (const entry of fromClient) {
  const allowed = CLIENT_MAY_IMPORT.join(", ");
  console.log(`${where(entry)}\n  the client may import only ${allowed} of the server's code`);
}

const counts = [
  `${files.length} files`,
  `${imports.length} imports`,
  `${cycleCount} cycles`,
  `${upward.length} upward imports`,
  fromClient.length > 0 && `${fromClient.length} client imports`,
  unlayered.length > 0 && `${unlayered.length} folders in no layer`,
];
console.log(`layers: ${counts.filter(Boolean).join(", ")}`);
const failures = cycleCount + upward.length + fromClient.length + unlayered.length;
process.exit(failures === 0 ? 0 : 1);

// --- Internal helpers ---

function listSources(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (!entry.isDirectory()) return SOURCE.test(entry.name) ? [toPosix(relative(root, path))] : [];
    const skip = entry.name === "node_modules" || entry.name.startsWith("dist");
    return skip ? [] : listSources(path);
  });
}

/** A file's imports as { from, line, text, target }; target is a repo path, or undefined. */
function readImports(file) {
  const source = readFileSync(join(root, file), "utf8");
  const lines = source.split("\n");
  const code = blankCommentsAndStrings(source);
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[\w$*{},\s]*?\bfrom\s*(["'])/g, // import/export … from "x"
    /\bimport\s*(["'])/g, // import "x"
    /\bimport\s*\(\s*(["'])/g, // import("x"), typeof import("x")
  ];
  const found = patterns.flatMap((pattern) =>
    [...code.matchAll(pattern)].map((match) => {
      const quote = match.index + match[0].length - 1;
      const specifier = source.slice(quote + 1, source.indexOf(match[1], quote + 1));
      const line = source.slice(0, match.index).split("\n").length;
      const target = resolveSpecifier(file, specifier);
      return { from: file, line, text: lines[line - 1].trim(), target };
    }),
  );
  return found.sort((a, b) => a.line - b.line);
}

function resolveSpecifier(file, specifier) {
  if (!specifier.startsWith(".")) return undefined;
  const base = join(root, dirname(file), specifier.replace(/\?.*$/, ""));
  const candidates = [...SUFFIXES.map((suffix) => base + suffix), base.replace(/\.js$/, ".ts")];
  const hit = candidates.find((path) => existsSync(path) && statSync(path).isFile());
  if (hit === undefined) console.error(`warning: ${file} imports "${specifier}", which is no file`);
  return hit && toPosix(relative(root, hit));
}

/**
 * The source with comments, template literals, regular expressions and the contents of quoted
 * strings turned to spaces (the quotes stay), so an import shown in a JSDoc `@example` or
 * written inside a string is not taken for one. Offsets and line breaks are kept.
 */
function blankCommentsAndStrings(source) {
  const out = source.split("");
  const blank = (from, to) => {
    for (let i = from; i < to; i++) if (out[i] !== "\n") out[i] = " ";
  };
  // The end of the template literal opening at `start`; its ${ … } parts are skipped by depth.
  const templateEnd = (start) => {
    let depth = 0;
    for (let i = start + 1; i < source.length; i++) {
      const char = source[i];
      if (char === "\\") i++;
      else if (char === "`" && depth === 0) return i;
      else if (char === "`") i = templateEnd(i);
      else if (char === "$" && source[i + 1] === "{" && depth === 0) [depth, i] = [1, i + 1];
      else if (char === "{" && depth > 0) depth++;
      else if (char === "}" && depth > 0) depth--;
    }
    return source.length;
  };
  let previous = ""; // the last character that is not a space, with any word as "a"
  for (let i = 0; i < source.length; i++) {
    const [char, next] = [source[i], source[i + 1]];
    let end = -1; // the last offset of a comment, string, template or regular expression
    if (char === "/" && next === "/") end = (source.indexOf("\n", i) + 1 || source.length + 1) - 2;
    else if (char === "/" && next === "*") end = source.indexOf("*/", i + 2) + 1 || source.length;
    else if (char === "`") end = templateEnd(i);
    else if (char === '"' || char === "'") {
      // A string ends at its quote or, unterminated (an apostrophe in JSX text), at the line's end.
      end = i + 1;
      while (end < source.length && source[end] !== char && source[end] !== "\n") {
        end += source[end] === "\\" ? 2 : 1;
      }
      blank(i + 1, end);
      [i, previous] = [end, char];
      continue;
    } else if (char === "/" && /^$|[(,=:[!&|?{};+\-*%<>~^]/.test(previous)) {
      // A regular expression: it may hold a quote that would open a false string.
      let inClass = false;
      for (end = i + 1; end < source.length && source[end] !== "\n"; end++) {
        if (source[end] === "\\") end++;
        else if (source[end] === "[" || source[end] === "]") inClass = source[end] === "[";
        else if (source[end] === "/" && !inClass) break;
      }
    }
    if (end === -1) {
      if (!/\s/.test(char)) previous = /[\w$]/.test(char) ? "a" : char;
      continue;
    }
    blank(i, end + 1);
    [i, previous] = [end, char === "/" && (next === "/" || next === "*") ? previous : ")"];
  }
  return out.join("");
}

/** Import cycles between units (folders), with one example import per edge. */
function findCycles(entries, unitOf, granularity) {
  const graph = new Map();
  for (const entry of entries) {
    const [from, to] = [unitOf(entry.from), unitOf(entry.target)];
    if (from === to) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    if (!graph.get(from).has(to)) graph.get(from).set(to, entry);
  }
  // A tangle (strongly connected group) is shown as shortest cycles until each member is on one.
  return stronglyConnected(graph)
    .filter((units) => units.length > 1)
    .map((units) => {
      const onCycle = new Set();
      const chains = units.sort().flatMap((unit) => {
        if (onCycle.has(unit)) return [];
        const path = shortestCycle(graph, unit, new Set(units));
        for (const member of path) onCycle.add(member);
        const edges = path.map((from, i) => graph.get(from).get(path[(i + 1) % path.length]));
        return [{ path, edges }];
      });
      return { granularity, units, chains };
    });
}

/** Tarjan's algorithm. */
function stronglyConnected(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const groups = [];
  const visit = (unit) => {
    index.set(unit, index.size);
    low.set(unit, index.get(unit));
    stack.push(unit);
    for (const next of graph.get(unit)?.keys() ?? []) {
      if (!index.has(next)) visit(next);
      if (stack.includes(next)) low.set(unit, Math.min(low.get(unit), low.get(next)));
    }
    if (low.get(unit) !== index.get(unit)) return;
    const group = stack.splice(stack.indexOf(unit));
    groups.push(group);
  };
  for (const unit of [...graph.keys()].sort()) if (!index.has(unit)) visit(unit);
  return groups;
}

/** The units on a shortest path from start back to start inside one group (breadth first). */
function shortestCycle(graph, start, group) {
  const cameFrom = new Map();
  const queue = [start];
  while (!cameFrom.has(start)) {
    const unit = queue.shift();
    for (const next of [...graph.get(unit).keys()].sort()) {
      if (!group.has(next) || cameFrom.has(next)) continue;
      cameFrom.set(next, unit);
      queue.push(next);
    }
  }
  const path = [];
  for (let unit = cameFrom.get(start); unit !== start; unit = cameFrom.get(unit)) {
    path.unshift(unit);
  }
  return [start, ...path];
}

/** The layer's index. A folder of src/ missing from LAYERS is reported, and checked as "src/*". */
function layerOf(file) {
  const index = LAYERS.findIndex((layer) => layer.some((folder) => holds(folder, file)));
  if (index === -1 && inside(file, "src")) return LAYERS.findIndex((l) => l.includes("src/*"));
  return index === -1 ? undefined : index;
}

function isLayered(file) {
  return LAYERS.flat().some((folder) => holds(folder, file));
}

function nameOf(file) {
  return LAYERS.flat().find((folder) => holds(folder, file)) ?? topFolder(file);
}

function holds(folder, file) {
  return folder === "src/*" ? dirname(file) === "src" : inside(file, folder);
}

function topFolder(file) {
  const parts = file.split("/");
  return parts.slice(0, Math.min(2, parts.length - 1)).join("/");
}

function inside(file, folder) {
  return file.startsWith(`${folder}/`);
}

function where(entry) {
  return `${entry.from}:${entry.line}   ${entry.text}`;
}

function toPosix(path) {
  return path.split(sep).join("/");
}
