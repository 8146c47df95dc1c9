import { cn } from "@/lib/client/cn";
import type * as React from "react";
import { fieldClasses } from "./input";

/** A styled native `<select>`: keyboard, screen readers and phones handle it natively. */
function NativeSelect({ className, ...props }: React.ComponentProps<"select">) {
  return <select data-slot="native-select" className={cn(fieldClasses, "h-9 py-1 pr-8", className)} {...props} />;
}

export { NativeSelect };
