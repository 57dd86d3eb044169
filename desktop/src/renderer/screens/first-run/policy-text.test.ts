import { describe, expect, it } from 'vitest';
import { policyBlocks } from './PolicyText';

describe('the policy text as blocks', () => {
  it('parts paragraphs at blank lines, takes # blocks as headings and keeps markup as plain text', () => {
    expect(policyBlocks('# Title\n\n<b>Bold?</b>\nsame paragraph\n\n\n## Next\n\nLast.')).toEqual([
      { heading: true, text: 'Title' },
      { heading: false, text: '<b>Bold?</b> same paragraph' },
      { heading: true, text: 'Next' },
      { heading: false, text: 'Last.' },
    ]);
  });
});
