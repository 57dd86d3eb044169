import type { ButtonHTMLAttributes, ReactElement, ReactNode } from 'react';

export type ButtonProps = Readonly<
  ButtonHTMLAttributes<HTMLButtonElement> & {
    /** Look: `primary` (the main thing to do), `secondary`, `quiet` (text-like) or `danger`. Default `secondary`. */
    variant?: 'primary' | 'secondary' | 'quiet' | 'danger' | undefined;
    /** `big` for children's main targets. Default `normal`. */
    size?: 'big' | 'normal' | 'small';
    /** An emoji shown before the label, hidden from screen readers. */
    icon?: string;
    children?: ReactNode;
  }
>;

/** The app's button: always type="button" unless told, with a visible focus ring from the stylesheet. */
export function Button({
  variant = 'secondary',
  size = 'normal',
  icon,
  children,
  className,
  ...rest
}: ButtonProps): ReactElement {
  const classes = ['btn', `btn-${variant}`, `btn-${size}`, className].filter(Boolean).join(' ');
  return (
    <button type="button" className={classes} {...rest}>
      {icon && (
        <span className="btn-icon" aria-hidden="true">
          {icon}
        </span>
      )}
      {children}
    </button>
  );
}
