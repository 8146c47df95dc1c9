export type Choice<V extends string> = { value: V; label: string; hint: string };

type ChoiceGroupProps<V extends string> = { legend: string; name: string; choices: Choice<V>[]; value: V; onChange: (value: V) => void };

/** A labelled set of radio cards, each with a one-line hint: the choice before a consequential action. */
export function ChoiceGroup<V extends string>({ legend, name, choices, value, onChange }: ChoiceGroupProps<V>) {
  return (
    <fieldset data-slot="choice-group" className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      {choices.map((choice) => (
        <label
          key={choice.value}
          className="flex cursor-pointer items-start gap-3 rounded-md border p-3 has-checked:border-ring has-checked:bg-accent"
        >
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
            className="mt-1 accent-primary"
          />
          <span className="grid gap-0.5">
            <span className="text-sm font-medium">{choice.label}</span>
            <span className="text-sm text-muted-foreground">{choice.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
