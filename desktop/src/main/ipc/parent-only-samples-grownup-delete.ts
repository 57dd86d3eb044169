/** Well-formed arguments for "Delete my grown-up account"'s parent-only channels (issue 15 §3). */
export const GROWNUP_DELETE_PARENT_ONLY_SAMPLE_ARGS: Readonly<Record<string, unknown>> = {
  previewMyGrownUpAccountDeletion: {},
  deleteMyGrownUpAccount: { password: 'correct horse battery' },
};
