import { prepared, type ReadableDB } from '@hearth/sqlite';

// Not a store port (the store binds the query modules' exports): a helper of `acceptMessage` only.

/**
 * `listDeliveryDevices` of a message's recipient and sender in one statement (the send
 * path's hot spot): the same rows, told apart by account.
 */
export function deliveryDevicesOfPair(
  db: ReadableDB,
  recipientId: string,
  senderId: string,
  parentSessionAfter: number,
): Readonly<{ recipientDevices: string[]; senderDevices: string[] }> {
  const rows = prepared(
    db,
    `SELECT 0 AS sender, dc.device_id AS id FROM device_credentials dc JOIN devices d ON d.id = dc.device_id
       WHERE dc.child_id = ? AND dc.revoked_at IS NULL AND d.revoked_at IS NULL
     UNION ALL
     SELECT 0, id FROM parent_devices WHERE parent_id = ? AND session_id IS NOT NULL AND session_expires_at > ?
     UNION ALL
     SELECT 1, dc.device_id FROM device_credentials dc JOIN devices d ON d.id = dc.device_id
       WHERE dc.child_id = ? AND dc.revoked_at IS NULL AND d.revoked_at IS NULL
     UNION ALL
     SELECT 1, id FROM parent_devices WHERE parent_id = ? AND session_id IS NOT NULL AND session_expires_at > ?`,
  ).all(recipientId, recipientId, parentSessionAfter, senderId, senderId, parentSessionAfter) as { sender: 0 | 1; id: string }[];
  const recipientDevices: string[] = [];
  const senderDevices: string[] = [];
  for (const r of rows) (r.sender === 1 ? senderDevices : recipientDevices).push(r.id);
  return { recipientDevices, senderDevices };
}
