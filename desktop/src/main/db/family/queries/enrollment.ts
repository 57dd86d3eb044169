import { prepared, type ReadableDB, type WritableDB } from '@hearth/sqlite';

export type EnrollmentRow = Readonly<{
  deviceId: string;
  parentId: string;
  parentEmail: string;
  parentDisplayName: string;
  name: string;
  enrolledAt: number;
}>;

/** This PC's enrollment, or undefined before a parent enrolled it. */
export function getEnrollment(db: ReadableDB): EnrollmentRow | undefined {
  return prepared(
    db,
    `SELECT device_id AS deviceId, parent_id AS parentId, parent_email AS parentEmail,
         parent_display_name AS parentDisplayName, name, enrolled_at AS enrolledAt FROM enrollment WHERE id = 1`,
  ).get() as EnrollmentRow | undefined;
}

/** Records (or replaces) this PC's enrollment. */
export function putEnrollment(db: WritableDB, e: EnrollmentRow): void {
  prepared(
    db,
    `INSERT INTO enrollment (id, device_id, parent_id, parent_email, parent_display_name, name, enrolled_at)
     VALUES (1, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET device_id = excluded.device_id, parent_id = excluded.parent_id,
       parent_email = excluded.parent_email, parent_display_name = excluded.parent_display_name,
       name = excluded.name, enrolled_at = excluded.enrolled_at`,
  ).run(e.deviceId, e.parentId, e.parentEmail, e.parentDisplayName, e.name, e.enrolledAt);
}

/** Forgets the enrollment (the PC was revoked). */
export function clearEnrollment(db: WritableDB): void {
  prepared(db, `DELETE FROM enrollment`).run();
}
