import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

const app = defineApp((st) => {
  const { headers, cookies, timezone, locale, theme, url, ipAddress } = st.context;
  st.text(`${headers["x-team"]} ${cookies.consent} ${timezone} ${locale} ${theme}`);
  st.text(`${url} ${ipAddress}`);
  st.text(`token ${st.secrets.get("API_TOKEN")}`);
  if (st.user.isLoggedIn) {
    st.text(`user ${String(st.user.email)}`);
    if (st.button("Log out")) st.logout();
  } else if (st.button("Log in")) st.login("google");
});

const texts = (at: AppTest) => at.get("text").map((text) => text.props.body);

test("AppTest sets the secrets, the request's context and the logged-in user before a run", async () => {
  const at = AppTest.fromApp(app, { url: "/report" });
  at.secrets = {
    API_TOKEN: "test-token",
    auth: {
      redirect_uri: "http://localhost/_edgelit/auth/callback",
      cookie_secret: "test-cookie-secret-0123456789",
      google: {
        client_id: "id",
        client_secret: "secret",
        server_metadata_url: "https://accounts.google.com/.well-known/openid-configuration",
      },
    },
  };
  at.context = {
    headers: { "x-team": "blue" },
    cookies: { consent: "yes" },
    timezone: "Europe/Paris",
    locale: "fr-FR",
    theme: "dark",
    ipAddress: "203.0.113.9",
  };
  await at.run();
  expect(texts(at)).toEqual([
    "blue yes Europe/Paris fr-FR dark",
    "http://localhost/report 203.0.113.9",
    "token test-token",
  ]);

  await at.button("Log in").click().run();
  expect(at.navigatedTo).toBe("/_edgelit/auth/login?return=%2Freport&provider=google");

  at.user = { email: "alice@example.com" };
  await at.run();
  expect(texts(at)).toContain("user alice@example.com");
  await at.button("Log out").click().run();
  expect(at.navigatedTo).toBe("/_edgelit/auth/logout?return=%2Freport");
});
