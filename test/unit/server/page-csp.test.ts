import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { createStorage } from "unstorage";
import { createServer } from "../../../src/server/create-server.ts";
import { defineApp } from "../../../src/app/define-app.ts";
import { inlineScriptHashes, pageCsp } from "../../../src/server/page-csp.ts";

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((part) => part.startsWith(`${name} `))
    ?.split(" ")
    .slice(1);

test("the inline scripts that run are allowed by their hash; JSON data blocks and scripts by src are not hashed", async () => {
  const theme = "document.documentElement.dataset.theme = 'dark';";
  const html = `<script type="application/json" id="edgelit-config">{}</script><script>${theme}</script><script type="module" src="/assets/index.js"></script>`;
  const expected = `'sha256-${createHash("sha256").update(theme).digest("base64")}'`;
  expect(await inlineScriptHashes(html)).toEqual([expected]);
});

test("contentSecurityPolicy adds sources to a directive, keeps edgelit's, and refuses 'unsafe-eval' and smuggled directives", () => {
  const policy = pageCsp([], { "img-src": ["https://tiles.example.com"], "worker-src": ["blob:"] });
  expect(directive(policy, "img-src")).toEqual([
    "'self'",
    "data:",
    "blob:",
    "https:",
    "http:",
    "https://tiles.example.com",
  ]);
  expect(directive(policy, "worker-src")).toEqual(["'self'", "blob:"]);
  expect(directive(policy, "script-src")).toEqual(["'self'"]);
  expect(() => pageCsp([], { "script-src": ["'unsafe-eval'"] })).toThrow(
    "'unsafe-eval' is refused",
  );
  expect(() => pageCsp([], { "img-src": ["https://a.example; script-src *"] })).toThrow(
    "one source per entry",
  );
});

test("a server given a bad extra source fails when it is created, not on the first page", () => {
  const app = defineApp((st) => st.title("Hi"));
  expect(() =>
    createServer({
      app,
      storage: createStorage(),
      contentSecurityPolicy: { "script-src": ["'unsafe-eval'"] },
    }),
  ).toThrow("'unsafe-eval' is refused");
});
