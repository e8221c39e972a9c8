import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";

/** What `edgelit init` needs to know besides the folder. */
export interface InitOptions {
  /** The folder `init` was run in; a relative target is taken from here. */
  cwd: string;
  /** edgelit's package folder: its templates and its package.json (version, pinned tools). */
  packageRoot: string;
}

/** Where the project's files come from: the template's name in templates/init, and the file it becomes. */
const FILES: readonly (readonly [template: string, file: string])[] = [
  ["app.ts", "app.ts"],
  // npm never packs a *.test.ts of edgelit nor any .gitignore: these are stored under other names.
  ["app.test.ts.txt", "app.test.ts"],
  ["worker.ts", "worker.ts"],
  ["wrangler.toml", "wrangler.toml"],
  ["tsconfig.json", "tsconfig.json"],
  ["tsconfig.worker.json", "tsconfig.worker.json"],
  ["Dockerfile", "Dockerfile"],
  ["dockerignore", ".dockerignore"],
  ["gitignore", ".gitignore"],
  ["README.md", "README.md"],
];

/** The tools a project runs, at the versions edgelit itself is built and tested with. */
const DEV_TOOLS = ["@types/node", "typescript", "vitest", "wrangler"] as const;

/** Not newer than the workerd of the pinned wrangler (4.86.0); the repo's wrangler.toml holds the same. */
const COMPATIBILITY_DATE = "2026-04-26";

/**
 * `edgelit init [dir]`: writes a new project (the app, its test, a Worker and
 * its wrangler.toml, a Dockerfile, package.json, tsconfig) into `dir`, or into
 * the current folder when none is given. Refuses a folder that holds
 * anything, so it never overwrites a file. Installs nothing: it prints the
 * next steps. Returns the exit code.
 *
 * @example
 * process.exitCode = initProject("my-app", { cwd: process.cwd(), packageRoot });
 */
export function initProject(target: string | undefined, options: InitOptions): number {
  const folder = resolve(options.cwd, target ?? ".");
  const refusal = whyNotInto(folder, target);
  if (refusal) {
    console.error(`edgelit: ${refusal}`);
    return 1;
  }
  const edgelit = readPackageJson(options.packageRoot);
  const name = packageNameOf(basename(folder));
  const values: Record<string, string> = {
    name,
    workerName: name.replace(/^@[^/]+\//, "").slice(0, 63),
    compatibilityDate: COMPATIBILITY_DATE,
  };
  mkdirSync(folder, { recursive: true });
  const templates = join(options.packageRoot, "templates/init");
  for (const [template, file] of FILES) {
    const text = readFileSync(join(templates, template), "utf8");
    // "wx": fail rather than overwrite, should a file appear while init runs.
    writeFileSync(join(folder, file), fill(text, values), { flag: "wx" });
  }
  writeFileSync(join(folder, "package.json"), projectPackageJson(name, edgelit), { flag: "wx" });

  const shown = relative(options.cwd, folder) || ".";
  const cd = shown === "." ? "" : `  cd ${shown.includes(" ") ? JSON.stringify(shown) : shown}\n`;
  console.log(`edgelit: created a project in ${shown === "." ? "this folder" : shown}: app.ts, app.test.ts, worker.ts, wrangler.toml, Dockerfile, package.json

Next:
${cd}  npm install
  npm run dev      serves app.ts at http://127.0.0.1:8501 and reruns it on changes
  npm test         runs app.test.ts

On Cloudflare Workers: npx wrangler types, then npm run worker:dev (see README.md).`);
  return 0;
}

// --- Internal helpers ---

/** Why `init` must not write into `folder`, or undefined when it may. */
function whyNotInto(folder: string, target: string | undefined): string | undefined {
  if (!existsSync(folder)) return undefined;
  if (!statSync(folder).isDirectory()) return `${folder} exists and is not a folder.`;
  // A fresh `git init` is as good as empty.
  const entries = readdirSync(folder).filter((entry) => entry !== ".git");
  if (entries.length === 0) return undefined;
  return target === undefined
    ? "this folder is not empty; name a new one: edgelit init my-app"
    : `${folder} is not empty (it holds ${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""}); init writes only into a new or empty folder, so nothing was changed.`;
}

interface EdgelitPackageJson {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function readPackageJson(root: string): EdgelitPackageJson {
  return JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as EdgelitPackageJson;
}

/** A valid npm package name made from a folder's name: "My App" becomes "my-app". */
function packageNameOf(folderName: string): string {
  const name = folderName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|-+$/g, "");
  return name || "edgelit-app";
}

/** The project's package.json: edgelit at the running version, the tools at the versions edgelit pins. */
function projectPackageJson(name: string, edgelit: EdgelitPackageJson): string {
  const devDependencies: Record<string, string> = {};
  for (const tool of DEV_TOOLS) devDependencies[tool] = edgelit.devDependencies?.[tool] ?? "*";
  const project = {
    name,
    version: "0.0.0",
    private: true,
    type: "module",
    scripts: {
      dev: "edgelit run app.ts",
      start: "edgelit start app.ts",
      test: "vitest run",
      typecheck: "tsc -p . && tsc -p tsconfig.worker.json",
      "worker:dev": "wrangler dev",
      deploy: "wrangler deploy",
    },
    dependencies: {
      edgelit: `^${edgelit.version}`,
      // worker.ts makes its store with unstorage: a dependency of its own, at edgelit's version.
      unstorage: edgelit.dependencies?.unstorage ?? "*",
    },
    devDependencies,
  };
  return `${JSON.stringify(project, null, 2)}\n`;
}

/** The template with each `{{key}}` replaced by its value. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}
