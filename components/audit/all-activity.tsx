"use client";

import { auditQueries } from "@/lib/client/audit/queries";
import { PagedActivity } from "./paged-activity";

/** Admin → Activity: every application's trail and the admins' own changes, deleted applications included. */
export function AllActivity() {
  return (
    <PagedActivity
      queryOf={auditQueries.list}
      label="All activity"
      showApp
      empty={{
        title: "No activity yet",
        description: "When subscribers create applications, secrets and tokens, each action is recorded here.",
      }}
    />
  );
}
