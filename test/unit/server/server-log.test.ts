import { expect, test } from "vitest";
import { storeErrorMessage } from "../../../src/server/server-log.ts";

test("a store error's log line never repeats a password from a URL it quotes, and stays on one line", () => {
  const error = new Error(
    "could not reach redis://default:s3cret-pw@cache.internal:6379\nafter 3 attempts",
  );
  expect(storeErrorMessage(error)).toBe(
    "could not reach redis://default:***@cache.internal:6379 after 3 attempts",
  );
  expect(storeErrorMessage(new Error("connect ECONNREFUSED 127.0.0.1:6379"))).toBe(
    "connect ECONNREFUSED 127.0.0.1:6379",
  );
});
