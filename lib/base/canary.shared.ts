// The gateway canary's built-in client (README, "Canary"): an OAuth client of kind "canary" with no
// application, no owner and no secret, so nobody can authenticate as it and no subscriber or admin
// list shows it. A fixed id lets every list and count leave its tokens out without a join.
export const CANARY_CLIENT_ID = "pcl_ci_canary";
/** The Prisma filter every token list and count adds. */
export const NOT_CANARY = { clientId: { not: CANARY_CLIENT_ID } } as const;

/** What a canary run found (README, "Canary"). */
export const CANARY_OUTCOMES = ["passed", "not_admitting", "still_admitting", "unacknowledged"] as const;
export type CanaryOutcome = (typeof CANARY_OUTCOMES)[number];

/** Who started it: an admin's Verify, `portcullis gateways verify`, or the schedule. */
export type CanaryTrigger = "admin" | "cli" | "schedule";

export type CanaryRunSummary = {
  id: string;
  startedAt: string;
  outcome: CanaryOutcome;
  admittedStatus: number | null; // the canary URL's answer to the live token
  refusedStatus: number | null; // its first refusal after the revocation (401 or 403)
  refusalMs: number | null; // revocation committed → that refusal
  acknowledged: boolean; // the gateway acknowledged the revocation's notice
  detail: string | null;
  trigger: CanaryTrigger;
};

/** One line for a run: "Passed: refused 42 ms after the revocation." */
export function canaryLine(run: Pick<CanaryRunSummary, "outcome" | "admittedStatus" | "refusalMs" | "detail">): string {
  switch (run.outcome) {
    case "passed":
      return `Passed: refused ${run.refusalMs?.toLocaleString("en")} ms after the revocation.`;
    case "not_admitting":
      return `Did not admit a valid canary token${run.admittedStatus === null ? "" : ` (HTTP ${run.admittedStatus})`}: check the canary URL.`;
    case "still_admitting":
      return "Acknowledged the revocation but kept admitting the revoked token.";
    case "unacknowledged":
      return "Kept admitting the revoked token, and did not acknowledge its notice.";
  }
}
