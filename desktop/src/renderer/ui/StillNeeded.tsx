import type { ReactElement } from 'react';

/**
 * What a form still needs before its main button works, said next to the button while no field
 * says it; the button's `aria-describedby` points here (see `whyGrey`).
 */
export function StillNeeded({ id, text }: Readonly<{ id: string; text: string | null }>): ReactElement | null {
  if (!text) return null;
  return (
    <p className="form-still-needed" id={id}>
      {text}
    </p>
  );
}
