// Outside the "use client" module so the server page can read the values (a client module's exports are references there).
export const APP_TABS = ["keys", "tokens", "subscriptions", "activity", "settings"] as const;
export type AppTab = (typeof APP_TABS)[number];
