/**
 * Every route of the family plugins (issue 12). The authorization matrix of these routes, with
 * the callers only families have (another guardian, a trusted grown-up), is
 * `family/authorization.int.test.ts`, which checks it covers exactly these.
 */
export const FAMILY_ROUTES = [
  'POST /v1/grown-up-invites',
  'GET /v1/grown-up-invites',
  'POST /v1/grown-up-invites/redeem',
  'POST /v1/grown-up-invites/:id/confirm',
  'POST /v1/grown-up-invites/:id/decline',
  'DELETE /v1/grown-up-invites/:id',
  'GET /v1/children/:id/grown-ups',
  'DELETE /v1/children/:id/guardians/:parentId',
  'DELETE /v1/children/:id/trusted/:parentId',
  'PATCH /v1/children/:id/trusted/:parentId',
  'POST /v1/children/:id/consents',
  'DELETE /v1/children/:id/consents/mine',
  'DELETE /v1/children/:id',
  'GET /v1/notices',
  'DELETE /v1/me',
] as const;
