import { describe, expect, it } from "vitest";
import { workerCount } from "./worker-count";

describe("PORTCULLIS_WORKERS", () => {
  it("defaults to one worker per core", () => {
    expect(workerCount(undefined, 6)).toBe(6);
    expect(workerCount("", 6)).toBe(6);
  });

  it("takes a whole number from 1 to 256", () => {
    expect(workerCount("1", 6)).toBe(1);
    expect(workerCount("256", 6)).toBe(256);
  });

  it.each(["0", "-2", "1.5", "two", "257"])("refuses %j with a message that names the variable", (value) => {
    expect(() => workerCount(value, 6)).toThrow(/PORTCULLIS_WORKERS must be a whole number from 1 to 256/);
  });
});
