import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import app from "../../../examples/login/app.ts";
import { closeConnections } from "../../../src/connections/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

const folder = mkdtempSync(join(tmpdir(), "edgelit-login-example-"));
afterAll(async () => {
  await closeConnections();
  rmSync(folder, { recursive: true, force: true });
});

/** The example's secrets, as its secrets.toml.example reads once filled in. */
const secrets = {
  auth: {
    redirect_uri: "http://localhost:8501/_edgelit/auth/callback",
    cookie_secret: "example-test-cookie-secret-0123",
    client_id: "id",
    client_secret: "secret-value",
    server_metadata_url: "https://accounts.google.com/.well-known/openid-configuration",
  },
  connections: { notes: { url: `sqlite:///${join(folder, "notes.db")}` } },
};

const notesHeading = (at: AppTest) =>
  at.get("heading").find((heading) => heading.props.body.startsWith("Your notes"))?.props.body;
const notesShown = (at: AppTest) => at.get("dataframe")[0]?.props.rowCount;

test("the login example asks to log in, then greets the user and keeps only their own notes", async () => {
  const at = AppTest.fromApp(app);
  at.secrets = secrets;
  await at.run();
  await at.button("Log in").click().run();
  expect(at.navigatedTo).toBe("/_edgelit/auth/login?return=%2F");

  at.user = { name: "Ada", email: "ada@example.com" };
  await at.run();
  expect(at.get("alert").map((alert) => alert.props.body)).toEqual(["Hello, Ada!"]);
  expect(at.get("exception")).toEqual([]);
  expect(notesHeading(at)).toBe("Your notes (0)");
  await at.textInput("A note").setValue("buy milk");
  await at.formSubmitButton("Add").click().run();
  await at.textInput("A note").setValue("call Alan");
  await at.formSubmitButton("Add").click().run();
  expect(notesHeading(at)).toBe("Your notes (2)");
  expect(notesShown(at)).toBe(2);

  // Another user sees none of Ada's notes.
  at.user = { name: "Alan", email: "alan@example.com" };
  await at.run();
  expect(notesHeading(at)).toBe("Your notes (0)");

  await at.button("Log out").click().run();
  expect(at.navigatedTo).toBe("/_edgelit/auth/logout?return=%2F");
});
