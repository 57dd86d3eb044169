import type { ReactElement, ReactNode } from 'react';
import { Button } from './Button';
import { StillNeeded } from './StillNeeded';

/**
 * A form's main (big) button, with what the form still needs said next to it; `describedBy` says
 * why it is grey (see `whyGrey`).
 */
export function SubmitRow({
  neededId,
  stillNeeded,
  disabled,
  describedBy,
  children,
}: Readonly<{
  neededId: string;
  stillNeeded: string | null;
  disabled: boolean;
  describedBy: string | undefined;
  children: ReactNode;
}>): ReactElement {
  return (
    <div className="form-actions">
      <StillNeeded id={neededId} text={stillNeeded} />
      <Button type="submit" variant="primary" size="big" disabled={disabled} aria-describedby={describedBy}>
        {children}
      </Button>
    </div>
  );
}
