import { Button } from "@/components/ui/button";
import { ChevronLeft, ChevronRight } from "lucide-react";

type PagerProps = {
  label: string; // what is listed, e.g. "tokens"
  page: number; // 0-based
  pageSize: number;
  shown: number;
  total: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
};

/** "101–200 of 232 tokens" with Previous / Next; the count is announced when the page changes. */
export function Pager({ label, page, pageSize, shown, total, hasNext, onPrevious, onNext }: PagerProps) {
  const start = page * pageSize + 1;

  return (
    <nav aria-label={`Pages of ${label}`} className="flex flex-wrap items-center justify-between gap-2">
      <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite" data-testid="list-count">
        {shown === 0
          ? `0 of ${total.toLocaleString("en")} ${label}`
          : `${start.toLocaleString("en")}–${(start + shown - 1).toLocaleString("en")} of ${total.toLocaleString("en")} ${label}`}
      </p>
      {(page > 0 || hasNext) && (
        <div className="flex gap-2">
          <Button variant="outline" size="sm" onClick={onPrevious} disabled={page === 0}>
            <ChevronLeft aria-hidden="true" /> Previous
          </Button>
          <Button variant="outline" size="sm" onClick={onNext} disabled={!hasNext}>
            Next <ChevronRight aria-hidden="true" />
          </Button>
        </div>
      )}
    </nav>
  );
}
