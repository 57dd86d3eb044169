import type { ReactElement } from 'react';

/** Blocks of a policy text: blank lines part them; a block starting with `#` is a heading. */
export function policyBlocks(text: string): readonly Readonly<{ heading: boolean; text: string }>[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) =>
      block.startsWith('#')
        ? { heading: true, text: block.replace(/^#+\s*/, '') }
        : { heading: false, text: block.replace(/\s*\n\s*/g, ' ') },
    );
}

/**
 * The relay's policy text as plain paragraphs, in a box that scrolls. React renders it as text:
 * whatever the relay sends, nothing in it becomes markup.
 */
export function PolicyText({ text, label }: Readonly<{ text: string; label: string }>): ReactElement {
  return (
    // tabIndex: a scrolling region must be reachable by keyboard to be read.
    <div className="policy-text" role="region" aria-label={label} tabIndex={0} data-testid="policy-text">
      {policyBlocks(text).map((block, i) => (block.heading ? <h3 key={i}>{block.text}</h3> : <p key={i}>{block.text}</p>))}
    </div>
  );
}
