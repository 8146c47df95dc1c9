import { describe, expect, it } from "vitest";
import { formatDuration, fromSeconds, toSeconds } from "./duration.shared";

describe("durations in human units", () => {
  it.each([
    [0, { amount: "0", unit: "seconds" }], // issue 23 B14: the retry window's 0 read "0 days"
    [600, { amount: "10", unit: "minutes" }],
    [3600, { amount: "1", unit: "hours" }],
    [30 * 86_400, { amount: "30", unit: "days" }],
    [90, { amount: "90", unit: "seconds" }],
    [5400, { amount: "90", unit: "minutes" }],
  ])("shows %i seconds in the largest exact unit", (seconds, duration) => {
    expect(fromSeconds(seconds)).toEqual(duration);
    expect(toSeconds(duration as ReturnType<typeof fromSeconds>)).toBe(seconds);
  });

  it("keeps an empty amount empty, and says NaN for text that is not a number", () => {
    expect(fromSeconds(null)).toEqual({ amount: "", unit: "minutes" });
    expect(toSeconds({ amount: "  ", unit: "days" })).toBeNull();
    expect(toSeconds({ amount: "never", unit: "days" })).toBeNaN();
    expect(toSeconds({ amount: "1e3", unit: "seconds" })).toBeNaN();
  });

  it("passes fractions and signs on for the server to judge", () => {
    expect(toSeconds({ amount: "1.5", unit: "hours" })).toBe(5400);
    expect(toSeconds({ amount: "0.5", unit: "seconds" })).toBe(0.5);
    expect(toSeconds({ amount: "-1", unit: "minutes" })).toBe(-60);
    expect(toSeconds({ amount: "0", unit: "days" })).toBe(0);
  });

  it("formats for sentences", () => {
    expect([formatDuration(600), formatDuration(86_400), formatDuration(1)]).toEqual(["10 minutes", "1 day", "1 second"]);
  });
});
