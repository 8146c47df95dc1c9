import { cn } from "@/lib/client/cn";
import type * as React from "react";
import { fieldClasses } from "./input";

function Textarea({ className, ...props }: React.ComponentProps<"textarea">) {
  return <textarea data-slot="textarea" className={cn(fieldClasses, "min-h-16 py-2", className)} {...props} />;
}

export { Textarea };
