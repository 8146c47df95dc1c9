import { Badge } from "@/components/ui/badge";
import type { SecretStatus } from "@/lib/clients/list-client-secrets";

const LOOK = {
  active: { variant: "success", label: "Active" },
  expiring: { variant: "warning", label: "Expiring" },
  expired: { variant: "secondary", label: "Expired" },
  revoked: { variant: "destructive", label: "Revoked" },
} as const;

export function SecretStatusBadge({ status }: { status: SecretStatus }) {
  return <Badge variant={LOOK[status].variant}>{LOOK[status].label}</Badge>;
}
