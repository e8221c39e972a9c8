import { expect, test } from "vitest";
import app from "../../../examples/login/app.ts";
import { AppTest } from "../../../src/testing/index.ts";

test("the login example asks to log in, then greets the user with their claims", async () => {
  const at = AppTest.fromApp(app);
  at.secrets = {
    auth: {
      redirect_uri: "http://localhost:8501/_edgelit/auth/callback",
      cookie_secret: "example-test-cookie-secret-0123",
      client_id: "id",
      client_secret: "secret-value",
      server_metadata_url: "https://accounts.google.com/.well-known/openid-configuration",
    },
  };
  await at.run();
  await at.button("Log in").click().run();
  expect(at.navigatedTo).toBe("/_edgelit/auth/login?return=%2F");

  at.user = { name: "Ada", email: "ada@example.com" };
  await at.run();
  expect(at.get("alert").map((alert) => alert.props.body)).toEqual(["Hello, Ada!"]);
  await at.button("Log out").click().run();
  expect(at.navigatedTo).toBe("/_edgelit/auth/logout?return=%2F");
});
