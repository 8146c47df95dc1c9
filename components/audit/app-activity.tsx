"use client";

import { appQueries } from "@/lib/client/apps/queries";
import { PagedActivity } from "./paged-activity";

/** Activity tab: the application's audit trail, refreshed after every change made on this page. */
export function AppActivity({ appId }: { appId: string }) {
  return (
    <PagedActivity
      queryOf={(query) => appQueries.activity(appId, query)}
      label="Application activity"
      kinds={["app", "secret", "token"]}
      empty={{ title: "Nothing has happened yet", description: "Secrets and tokens you create, regenerate or revoke show up here." }}
    />
  );
}
