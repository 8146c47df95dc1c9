// Prints one closing line, "N passed, N failed, N skipped", from Vitest's and Playwright's JSON reports.
import { readFileSync } from "node:fs";

const [vitestFile, playwrightFile] = process.argv.slice(2);
const vitest = JSON.parse(readFileSync(vitestFile, "utf8"));
const playwright = JSON.parse(readFileSync(playwrightFile, "utf8")).stats;
const passed = vitest.numPassedTests + playwright.expected;
const failed = vitest.numFailedTests + playwright.unexpected + playwright.flaky;
const skipped = vitest.numPendingTests + vitest.numTodoTests + playwright.skipped;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
