"use client";

/** An on/off setting of the token policy page: a labelled switch with one line saying what "off" means. */
export function SettingSwitch({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <div className="grid content-start gap-2">
      <label className="flex items-start gap-2 text-sm font-medium">
        <input
          type="checkbox"
          role="switch"
          className="mt-0.5 size-4 accent-primary"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      <p className="text-sm text-muted-foreground">{hint}</p>
    </div>
  );
}
