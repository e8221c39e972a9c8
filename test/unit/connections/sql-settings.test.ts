import { expect, test } from "vitest";
import { loadDriver } from "../../../src/connections/sql-driver.ts";
import { redact, secretsOf } from "../../../src/connections/sql-errors.ts";
import { toSqlTarget } from "../../../src/connections/sql-settings.ts";

test("Streamlit's SQL urls and settings name the database edgelit opens", () => {
  expect(toSqlTarget("a", { url: "sqlite:///shop.db" })).toEqual({
    dialect: "sqlite",
    url: "file:shop.db",
  });
  expect(toSqlTarget("a", { url: "sqlite:////var/data/shop.db" })).toEqual({
    dialect: "sqlite",
    url: "file:/var/data/shop.db",
  });
  expect(toSqlTarget("a", { url: "sqlite://" })).toEqual({ dialect: "sqlite", url: ":memory:" });
  expect(toSqlTarget("a", { url: "postgresql+psycopg2://u:p@db:5432/shop" })).toEqual({
    dialect: "postgresql",
    url: "postgresql://u:p@db:5432/shop",
  });
  expect(
    toSqlTarget("a", {
      dialect: "postgresql",
      host: "db",
      port: 5433,
      database: "shop",
      username: "ann",
      password: "p@ss word",
    }),
  ).toEqual({ dialect: "postgresql", url: "postgresql://ann:p%40ss%20word@db:5433/shop" });
  expect(toSqlTarget("a", { dialect: "d1", binding: "DB" })).toEqual({
    dialect: "d1",
    binding: "DB",
  });
  expect(() => toSqlTarget("shop", { url: "mysql://u:p@db/shop" })).toThrow(
    'st.connection("shop"): the url\'s scheme "mysql" is not one edgelit connects to',
  );
  expect(() => toSqlTarget("shop", {})).toThrow(
    'st.connection("shop") needs a url, or a dialect (sqlite, postgresql or d1)',
  );
});

test("a password is hidden from messages, also as the url encodes it", () => {
  const secrets = secretsOf("postgresql://ann:p%40ss@db/shop", undefined);
  expect(redact("could not connect to postgresql://ann:p%40ss@db/shop (p@ss)", secrets)).toBe(
    "could not connect to postgresql://ann:***@db/shop (***)",
  );
});

test("a driver that is not installed is named, with the command that installs it", () => {
  expect(() => loadDriver("edgelit-test-no-such-driver", 'st.connection("shop")')).toThrow(
    'st.connection("shop") needs the npm package "edgelit-test-no-such-driver", which is not installed: run `npm install edgelit-test-no-such-driver` in the app\'s project.',
  );
});
