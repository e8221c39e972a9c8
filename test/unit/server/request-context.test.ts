import { expect, test } from "vitest";
import { createStorage } from "unstorage";
import { defineApp } from "../../../src/index.ts";
import { createServer, type ServerOptions } from "../../../src/server/create-server.ts";
import type { ServerMessage } from "../../../src/protocol/index.ts";
import { postToServer } from "../../helpers/events.ts";

const app = defineApp((st) => {
  const { ipAddress, headers, cookies, url, locale, theme } = st.context;
  st.text(`ip ${ipAddress}`);
  st.text(`header ${headers["x-team"]} cookie-header ${headers.cookie}`);
  st.text(`cookies ${JSON.stringify(cookies)}`);
  st.text(`url ${url}`);
  st.text(`browser ${locale} ${theme}`);
});

async function textsFor(options: Partial<ServerOptions>, headers: Record<string, string>) {
  const server = createServer({ app, storage: createStorage(), ...options });
  const withHeaders = {
    fetch: (request: Request) => {
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
      return server.fetch(request);
    },
  };
  const messages: ServerMessage[] = await postToServer(withHeaders, {
    sessionId: null,
    lastRunId: null,
    eventId: "load",
    url: "/report?q=1",
    browser: { locale: "pt-BR", theme: "dark", timezone: "not a zone!" },
  });
  return messages.flatMap((m) => (m.type === "element" && m.kind === "text" ? [m.props.body] : []));
}

const fromProxy = {
  "x-forwarded-for": "203.0.113.7",
  "x-team": "blue",
  cookie: "flavour=lemon; edgelit_identity=sealed; edgelit_login_mark=1",
};

test("st.context reads the event's request: headers, cookies but edgelit's own, the page's URL", async () => {
  const texts = await textsFor({}, fromProxy);
  expect(texts).toEqual([
    // No peer address in a fetch call, and the proxy's header is not believed without trustProxy.
    "ip undefined",
    "header blue cookie-header undefined",
    'cookies {"flavour":"lemon"}',
    "url http://app.test/report?q=1",
    "browser pt-BR dark",
  ]);
});

test("behind a trusted proxy, st.context.ipAddress is the address it forwards", async () => {
  const texts = await textsFor({ trustProxy: true }, fromProxy);
  expect(texts[0]).toBe("ip 203.0.113.7");
});
