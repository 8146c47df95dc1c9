import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ChecklistItem } from "@/lib/admin/first-run-checklist";
import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";

/** An admin's first screen: what to set up, each step ticked once done. Renders nothing once every step is done. */
export function FirstRunChecklist({ items }: { items: ChecklistItem[] }) {
  const left = items.filter((i) => !i.done).length;
  if (left === 0) return null;

  return (
    <Card role="region" aria-labelledby="first-run-heading">
      <CardHeader>
        <CardTitle id="first-run-heading">Set up Portcullis</CardTitle>
        <CardDescription>
          {left} of {items.length} steps left before subscribers can rely on it.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="grid gap-3" aria-label="Setup steps">
          {items.map((item) => (
            <li key={item.id} className="flex gap-3" data-testid={`checklist-${item.id}`} data-done={item.done}>
              {item.done ? (
                <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-success" aria-hidden="true" />
              ) : (
                <Circle className="mt-0.5 size-5 shrink-0 text-muted-foreground" aria-hidden="true" />
              )}
              <div className="grid gap-0.5">
                <Link
                  href={item.href}
                  className="font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
                >
                  {item.title}
                </Link>
                <span className="text-sm text-muted-foreground">{item.done ? "Done." : item.description}</span>
              </div>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
