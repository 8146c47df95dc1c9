"use client";

import { cn } from "@/lib/client/cn";
import type * as React from "react";
import { useEffect, useRef, useState } from "react";

/**
 * Scrolls sideways when its content is too wide, and only then joins the tab order,
 * so keyboard users can scroll it too (WCAG 2.1.1; axe scrollable-region-focusable).
 */
function ScrollRegion({ className, label, ...props }: React.ComponentProps<"div"> & { label?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);

    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={ref}
      data-slot="scroll-region"
      tabIndex={overflows ? 0 : undefined}
      role={overflows && label ? "region" : undefined}
      aria-label={overflows ? label : undefined}
      className={cn("relative w-full overflow-x-auto rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring", className)}
      {...props}
    />
  );
}

export { ScrollRegion };
