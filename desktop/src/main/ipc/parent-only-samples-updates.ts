/** Well-formed arguments for the updates and credential-protection channels (issue 17 §3–4). */
export const UPDATES_PARENT_ONLY_SAMPLE_ARGS: Readonly<Record<string, unknown>> = {
  getUpdateStatus: {},
  checkForUpdates: {},
  installUpdateNow: {},
  postponeUpdate: {},
  getCredentialProtection: {},
};
