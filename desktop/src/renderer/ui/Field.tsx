import { useId, type InputHTMLAttributes, type ReactElement } from 'react';

export type FieldProps = Readonly<
  InputHTMLAttributes<HTMLInputElement> & {
    label: string;
    /** A line under the label that helps fill it in. */
    hint?: string | undefined;
    /** Shown in red under the field and tied to it for screen readers. */
    problem?: string | null;
    /** The id of the problem line, for a button that says why it is grey (`aria-describedby`). */
    problemId?: string | undefined;
  }
>;

/** A labelled text field. */
export function Field({ label, hint, problem, problemId: givenProblemId, className, ...input }: FieldProps): ReactElement {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const problemId = problem ? (givenProblemId ?? `${id}-problem`) : undefined;
  const describedBy = [hintId, problemId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <input id={id} aria-describedby={describedBy} aria-invalid={problem ? true : undefined} {...input} />
      {problem && (
        <p className="field-problem" id={problemId}>
          {problem}
        </p>
      )}
    </div>
  );
}
