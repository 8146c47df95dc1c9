import { plural } from "@/components/apps/plural";
import { Button } from "@/components/ui/button";
import { ChevronLeft, ChevronRight } from "lucide-react";

type PagerProps = {
  noun: string; // one of what is listed, e.g. "token"
  page: number; // 0-based
  pageSize: number;
  shown: number;
  total: number;
  hasNext: boolean;
  /** The page asked for is still loading (the previous one shows meanwhile): paging now would page from the wrong one. */
  loading: boolean;
  onPrevious: () => void;
  onNext: () => void;
};

/**
 * "101–200 of 232 tokens" with Previous / Next, or just "3 tokens" when one page holds them all (not "1–1 of 1
 * tokens"); the count is announced when the page changes.
 */
export function Pager({ noun, page, pageSize, shown, total, hasNext, loading, onPrevious, onNext }: PagerProps) {
  const start = page * pageSize + 1;
  const label = `${noun}s`; // English only, like plural()

  return (
    <nav aria-label={`Pages of ${label}`} className="flex flex-wrap items-center justify-between gap-2">
      <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite" data-testid="list-count">
        {page === 0 && shown === total
          ? plural(total, noun)
          : shown === 0
            ? `0 of ${total.toLocaleString("en")} ${label}`
            : `${start.toLocaleString("en")}–${(start + shown - 1).toLocaleString("en")} of ${total.toLocaleString("en")} ${label}`}
      </p>
      {(page > 0 || hasNext) && (
        <div className="flex gap-2">
          <Button variant="outline" size="sm" onClick={onPrevious} disabled={page === 0 || loading}>
            <ChevronLeft aria-hidden="true" /> Previous
          </Button>
          <Button variant="outline" size="sm" onClick={onNext} disabled={!hasNext || loading}>
            Next <ChevronRight aria-hidden="true" />
          </Button>
        </div>
      )}
    </nav>
  );
}
