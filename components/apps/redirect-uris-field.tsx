import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";

/** One URI per line, as typed in the textarea; blank lines are ignored. */
export const splitLines = (text: FormDataEntryValue | null) =>
  String(text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

type RedirectUrisFieldProps = { defaultValue?: string[]; error?: string[] };

export function RedirectUrisField({ defaultValue = [], error }: RedirectUrisFieldProps) {
  return (
    <FormField
      label="Redirect URIs (optional)"
      description="One per line. Absolute https:// URLs; http:// only for localhost."
      error={error}
    >
      <Textarea
        name="redirectUris"
        rows={3}
        defaultValue={defaultValue.join("\n")}
        placeholder="https://example.com/callback"
        spellCheck={false}
      />
    </FormField>
  );
}
