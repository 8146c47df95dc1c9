/** "1 token", "3 tokens" — English only, like the rest of the UI. */
export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
