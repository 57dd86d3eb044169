import type { GrownUpInvite, GrownUpInviteCreated, GrownUpRole, RedeemedGrownUpInvite } from '@hearth/common';
import type { RelayApp } from '../src/app';
import { type TestParent } from './helpers';
/** A guardian makes an invitation for some of their children (issue 12). */
export declare function inviteGrownUp(app: RelayApp, inviterToken: string, role: GrownUpRole, childIds: readonly string[], extra?: Readonly<Record<string, unknown>>): Promise<GrownUpInviteCreated>;
export declare function redeemGrownUpInvite(app: RelayApp, token: string, code: string): Promise<RedeemedGrownUpInvite>;
export declare function confirmGrownUpInvite(app: RelayApp, token: string, inviteId: string): Promise<GrownUpInvite>;
/**
 * The whole way in: the guardian invites, the grown-up (a new account unless given) types the
 * code, the guardian confirms. Returns the grown-up.
 */
export declare function addGrownUp(app: RelayApp, inviterToken: string, role: GrownUpRole, childIds: readonly string[], options?: Readonly<{
    grownUp?: TestParent;
    displayName?: string;
    avatar?: string;
}>): Promise<TestParent>;
