import { useId, type ReactElement, type ReactNode } from 'react';

export type Choice<V extends string> = Readonly<{ value: V; label: string; icon?: ReactNode }>;

export type ChoiceGroupProps<V extends string> = Readonly<{
  legend: string;
  /** A line under the legend (e.g. "You can skip this"). */
  hint?: string;
  choices: readonly Choice<V>[];
  value: V;
  onChange: (value: V) => void;
  /** `pills` (words) or `tiles` (big pictures). Default `pills`. */
  look?: 'pills' | 'tiles';
}>;

/** Native radio buttons drawn as same-sized pills or tiles: arrow keys move, every choice looks alike. */
export function ChoiceGroup<V extends string>({
  legend,
  hint,
  choices,
  value,
  onChange,
  look = 'pills',
}: ChoiceGroupProps<V>): ReactElement {
  const name = useId();
  return (
    <fieldset className={`choices choices-${look}`}>
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      <div className="choices-row">
        {choices.map((c) => (
          <label key={c.value} className={`choice${c.value === value ? ' choice-on' : ''}`}>
            <input type="radio" name={name} value={c.value} checked={c.value === value} onChange={() => onChange(c.value)} />
            {c.icon && (
              <span className="choice-icon" aria-hidden="true">
                {c.icon}
              </span>
            )}
            <span className="choice-label">{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
