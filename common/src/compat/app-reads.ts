import { Type, type TSchema } from 'typebox';
import { ChildList, Child, ConsentList, Me, PolicyText, SessionGrant } from '../schemas/accounts';
import { CheckEmail, PasswordResetStarted } from '../schemas/email';
import { DeviceList, EnrollDeviceResult, ParentComputerList, ParentDeviceResult } from '../schemas/devices';
import { FriendshipList, FriendshipView, Invite } from '../schemas/friendships';
import {
  ChildGrownUps,
  GrownUpInvite,
  GrownUpInviteCreated,
  GrownUpInviteList,
  NoticeList,
  RedeemedGrownUpInvite,
  TrustedGrownUp,
} from '../schemas/family';
import { ConsentRecord } from '../schemas/accounts';
import { AttachmentRef } from '../schemas/message-content';
import { ErrorResponse } from '../schemas/primitives';
import { WsServerFrame } from '../schemas/realtime';
import { IceConfig, SignalingGrant, SignalingPeers } from '../schemas/signaling';
import { GamesSwitch } from '../schemas/games';
import { RelayVersion } from './relay-version';

const NoContent = Type.Null();

/**
 * Everything the app reads from the relay: each HTTP answer by route, every frame of `/v1/ws`, and
 * the error body. A compatibility snapshot (`common/compat/v<version>.json`) records these schemas
 * as one app version reads them; the compatibility test checks the current relay's answers and
 * frames against every snapshot of a version the relay still serves.
 */
export const APP_READS = Object.freeze({
  http: Object.freeze({
    /** Since 0.2.0 with `?lang=` and its text; 0.1.0 read `PolicyInfo` without. */
    'GET /v1/policy': PolicyText,
    /** Since 0.2.0 also `check-email` (202), from a relay that sends email. */
    'POST /v1/parents': Type.Union([SessionGrant, CheckEmail]),
    'POST /v1/sessions': SessionGrant,
    'DELETE /v1/sessions/:id': NoContent,
    'GET /v1/me': Me,
    'GET /v1/children': ChildList,
    'POST /v1/children': Child,
    'PATCH /v1/children/:id': Child,
    'GET /v1/consents': ConsentList,
    'POST /v1/devices': EnrollDeviceResult,
    'POST /v1/devices/:id/children': EnrollDeviceResult,
    'DELETE /v1/devices/:id/children/:childId': NoContent,
    'GET /v1/devices': DeviceList,
    'DELETE /v1/devices/:id': NoContent,
    'POST /v1/parent-devices': ParentDeviceResult,
    /** Since 0.3.0: the PC's info changed (F18). */
    'PUT /v1/devices/:id/info': NoContent,
    /** Since 0.3.0: the grown-up's own parent-mode PCs with last seen (F18). */
    'GET /v1/parent-devices': ParentComputerList,
    'POST /v1/invites': Invite,
    'POST /v1/invites/redeem': FriendshipView,
    'GET /v1/friendships': FriendshipList,
    'POST /v1/friendships/:id/actions': FriendshipView,
    'POST /v1/signaling/session': SignalingGrant,
    'GET /v1/ice': IceConfig,
    'GET /v1/signaling/peers': SignalingPeers,
    'POST /v1/attachments': AttachmentRef,
    'GET /v1/version': RelayVersion,
    /** Since 0.2.0: verified email and "forgot password" (issue 12). */
    'POST /v1/email-verifications': SessionGrant,
    'POST /v1/email-verifications/resend': CheckEmail,
    'POST /v1/password-resets': PasswordResetStarted,
    'POST /v1/password-resets/complete': SessionGrant,
    /** Since 0.2.0: guardians and trusted grown-ups (issue 12). */
    'POST /v1/grown-up-invites': GrownUpInviteCreated,
    'GET /v1/grown-up-invites': GrownUpInviteList,
    'POST /v1/grown-up-invites/redeem': RedeemedGrownUpInvite,
    'POST /v1/grown-up-invites/:id/confirm': GrownUpInvite,
    'POST /v1/grown-up-invites/:id/decline': GrownUpInvite,
    'DELETE /v1/grown-up-invites/:id': NoContent,
    'GET /v1/children/:id/grown-ups': ChildGrownUps,
    'DELETE /v1/children/:id/guardians/:parentId': NoContent,
    'DELETE /v1/children/:id/trusted/:parentId': NoContent,
    'PATCH /v1/children/:id/trusted/:parentId': TrustedGrownUp,
    'POST /v1/children/:id/consents': ConsentRecord,
    'DELETE /v1/children/:id/consents/mine': NoContent,
    'DELETE /v1/children/:id': NoContent,
    'GET /v1/notices': NoticeList,
    /** Since 0.4.0: the games switch, kept on the relay per child (issue 16, F9). */
    'GET /v1/children/:id/games': GamesSwitch,
    'PUT /v1/children/:id/games': GamesSwitch,
  } satisfies Record<string, TSchema>),
  ws: WsServerFrame,
  error: ErrorResponse,
});
