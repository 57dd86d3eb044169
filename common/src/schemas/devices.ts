import { Type, type Static } from 'typebox';
import { ChildIdSchema, DisplayName, IsoDate, Timestamp, Token, Ulid, closed } from './primitives';
import { TimeWindow } from './quiet';

/**
 * What the PC tells about itself at enrollment (F18), and again whenever it changes; shown to the
 * parent, deleted with the child. `osVersion` since 0.3.0 (0.2.0 apps enroll without it).
 */
export const DeviceInfo = Type.Object(
  {
    os: Type.String({ minLength: 1, maxLength: 64 }),
    osVersion: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    appVersion: Type.String({ minLength: 1, maxLength: 32 }),
    language: Type.String({ minLength: 2, maxLength: 35 }),
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
    /**
     * Since 0.4.0: the daily quiet window IT's machine policy sets on this PC (issue 17). The
     * relay applies it, in the child's zone, to the credentials of this PC like any schedule.
     */
    quietFloor: Type.Optional(TimeWindow),
  },
  closed,
);
export type DeviceInfo = Static<typeof DeviceInfo>;

export const EnrollDeviceBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64 }),
    info: DeviceInfo,
    childIds: Type.Array(ChildIdSchema, { minItems: 1, maxItems: 16, uniqueItems: true }),
  },
  closed,
);
export type EnrollDeviceBody = Static<typeof EnrollDeviceBody>;

export const DeviceCredential = Type.Object({ childId: ChildIdSchema, token: Token }, closed);
export type DeviceCredential = Static<typeof DeviceCredential>;

export const EnrollDeviceResult = Type.Object({ deviceId: Ulid, credentials: Type.Array(DeviceCredential) }, closed);
export type EnrollDeviceResult = Static<typeof EnrollDeviceResult>;

export const AddDeviceChildBody = Type.Object({ childId: ChildIdSchema }, closed);

export const Device = Type.Object(
  {
    deviceId: Ulid,
    name: Type.String(),
    info: DeviceInfo,
    enrolledAt: Timestamp,
    revokedAt: Type.Union([Timestamp, Type.Null()]),
    /** Since 0.3.0: the last day (UTC) this PC reached the relay; null before it did. To the day, no finer. */
    lastSeen: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    children: Type.Array(
      Type.Object({ childId: ChildIdSchema, displayName: DisplayName, revokedAt: Type.Union([Timestamp, Type.Null()]) }, closed),
    ),
  },
  closed,
);
export type Device = Static<typeof Device>;
export const DeviceList = Type.Object({ devices: Type.Array(Device) }, closed);

/** `PUT /v1/devices/:id/info` (since 0.3.0): the PC's info changed (an update, a new time zone). Device credential only. */
export const UpdateDeviceInfoBody = Type.Object({ info: DeviceInfo }, closed);
export type UpdateDeviceInfoBody = Static<typeof UpdateDeviceInfoBody>;

/**
 * `DELETE /v1/devices/:id` (since 0.3.0 with `erase`): also erase Hearth's data on that PC the
 * next time it reaches the relay (its credentials answer `DEVICE_REVOKED` with `wipe: true`).
 */
export const RevokeDeviceQuery = Type.Object(
  { erase: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) },
  closed,
);
export type RevokeDeviceQuery = Static<typeof RevokeDeviceQuery>;

/**
 * `POST /v1/parent-devices`: the calling parent session becomes a parent device (a parent-mode
 * PC), which the relay delivers to like a child's device. `replacesSessionId`: this PC's previous
 * session, whose device (and queue) moves to the calling session. Idempotent.
 */
export const RegisterParentDeviceBody = Type.Object({ replacesSessionId: Type.Optional(Ulid) }, closed);
export type RegisterParentDeviceBody = Static<typeof RegisterParentDeviceBody>;
export const ParentDeviceResult = Type.Object({ deviceId: Ulid }, closed);
export type ParentDeviceResult = Static<typeof ParentDeviceResult>;

/**
 * `GET /v1/parent-devices` (since 0.3.0, F18): the guardian's own parent-mode PCs still signed in.
 * `sessionId`: sign one out with `DELETE /v1/sessions/:id` (its session ends). `since`: when it
 * became a parent-mode PC; `lastSeen`: the last day (UTC) it reached the relay, no finer;
 * `current`: the PC asking.
 */
export const ParentComputer = Type.Object(
  {
    deviceId: Ulid,
    sessionId: Ulid,
    since: Timestamp,
    lastSeen: Type.Union([IsoDate, Type.Null()]),
    current: Type.Boolean(),
  },
  closed,
);
export type ParentComputer = Static<typeof ParentComputer>;
export const ParentComputerList = Type.Object({ computers: Type.Array(ParentComputer) }, closed);
export type ParentComputerList = Static<typeof ParentComputerList>;
