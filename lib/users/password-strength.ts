import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

const MIN_SCORE = 3; // zxcvbn: "safely unguessable", about 10^8 guesses and up

let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

/**
 * Why a password is refused, or null: one containing the account's email (or its name before the @),
 * and one zxcvbn rates as guessable (common passwords, dictionary words, keyboard walks, dates, l33t).
 */
export async function passwordProblem({ password, email }: { password: string; email: string }): Promise<string | null> {
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const local = address.split("@")[0];
  if (lower.includes(address) || (local.length >= 3 && lower.includes(local))) return "Do not use your email address in your password.";
  const { score, feedback } = await zxcvbn().checkAsync(password, [address, local]);
  if (score >= MIN_SCORE) return null;
  const why = feedback.warning ?? "This password is easy to guess.";

  return [why, feedback.suggestions[0]].filter(Boolean).join(" ");
}
