import { Badge } from "@/components/ui/badge";

const VARIANT = {
  draft: "outline",
  published: "success",
  deprecated: "warning",
  retired: "secondary",
  pending: "warning",
  active: "success",
  blocked: "destructive",
  rejected: "destructive",
} as const;

/** An API's lifecycle state or a subscription's, in words and colour. */
export function StatusBadge({ status }: { status: keyof typeof VARIANT }) {
  return <Badge variant={VARIANT[status]}>{status}</Badge>;
}
