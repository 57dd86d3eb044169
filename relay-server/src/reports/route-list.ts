/**
 * Every route of the reports plugin (issue 15, F11). Their authorization matrix, with the callers
 * reports have (the reporting child, its guardian, a trusted grown-up, the reported child's
 * guardian), is `reports/authorization.int.test.ts`, which checks it covers exactly these.
 */
export const REPORT_ROUTES = [
  'POST /v1/reports',
  'PUT /v1/reports/:id/files/:hash',
  'GET /v1/reports',
  'GET /v1/reports/:id',
  'GET /v1/reports/:id/files/:hash',
  'POST /v1/reports/:id/unblock',
  'POST /v1/reports/:id/forward',
  'POST /v1/reports/:id/share',
  'GET /v1/shared-reports',
  'GET /v1/shared-reports/:id/files/:hash',
] as const;
