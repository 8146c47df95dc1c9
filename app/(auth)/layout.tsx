import { KeyRound } from "lucide-react";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center bg-muted/40 px-4 py-12">
      <div className="flex w-full max-w-sm flex-col gap-6">
        <p className="flex items-center justify-center gap-2 text-lg font-semibold">
          <KeyRound className="size-5" aria-hidden="true" />
          Portcullis
        </p>
        {children}
      </div>
    </main>
  );
}
