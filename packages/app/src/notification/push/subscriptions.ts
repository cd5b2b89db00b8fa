// Web push devices (X3): the notification context's own table, notify_push_subscriptions. A device
// is saved when its user turns "Ring this device" on (and again on each visit, which refreshes its
// language and keys), removed when turned off or when its push service says it is gone (404/410).
import { createECDH } from "node:crypto";
import { sqlOf, type Db, type SqlClient } from "@bloom/db";
import { MAX_PUSH_DEVICES_PER_USER, refuse, type PushAudience, type PushLocale, type PushSubscriptionInput, type PushTarget, type Result } from "@bloom/domain";

export type PushDevice = {
  id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  locale: PushLocale;
};

/** Whom a signed-in user's device rings for; customers have no staff alerts. */
export function audienceOf(role: string): PushAudience | null {
  if (role === "OWNER" || role === "ADMIN") return "OWNER";
  if (role === "RIDER") return "RIDER";
  return null;
}

/** True when the bytes are a point on P-256 (the schema checked only its size and form). */
function isP256Point(p256dh: string): boolean {
  try {
    const probe = createECDH("prime256v1");
    probe.generateKeys();
    probe.computeSecret(Buffer.from(p256dh, "base64url")); // throws for a point off the curve
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves this device for the user (one row per endpoint). A browser that another account used
 * before rings for the user signed in now, under a new id, so nothing queued for the previous
 * account reaches it. Beyond MAX_PUSH_DEVICES_PER_USER the user's oldest devices are dropped.
 */
export async function savePushSubscription(
  db: Db,
  user: { id: string; role: string },
  input: PushSubscriptionInput,
): Promise<Result<{ id: string; audience: PushAudience }>> {
  const audience = audienceOf(user.role);
  if (!audience) return refuse("FORBIDDEN", "Only shop owners and riders get alerts on their devices");
  if (!isP256Point(input.keys.p256dh)) return refuse("VALIDATION", "keys.p256dh is not a P-256 public key");
  const { rows } = await sqlOf(db).query<{ id: string }>({
    name: "push-subscription-save",
    text: `INSERT INTO notify_push_subscriptions (id, user_id, audience, endpoint, p256dh, auth, locale, user_agent)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (endpoint) DO UPDATE SET
             id = CASE WHEN notify_push_subscriptions.user_id = EXCLUDED.user_id THEN notify_push_subscriptions.id ELSE EXCLUDED.id END,
             user_id = EXCLUDED.user_id, audience = EXCLUDED.audience, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth,
             locale = EXCLUDED.locale, user_agent = EXCLUDED.user_agent, updated_at = now()
           RETURNING id::text`,
    values: [globalThis.crypto.randomUUID(), user.id, audience, input.endpoint, input.keys.p256dh, input.keys.auth, input.locale, input.label ?? null],
  });
  await sqlOf(db).query({
    name: "push-subscription-trim",
    text: `DELETE FROM notify_push_subscriptions WHERE user_id = $1 AND id NOT IN (
             SELECT id FROM notify_push_subscriptions WHERE user_id = $1 ORDER BY updated_at DESC, created_at DESC LIMIT $2)`,
    values: [user.id, MAX_PUSH_DEVICES_PER_USER],
  });
  return { ok: true, id: rows[0]!.id, audience };
}

/** Turns "Ring this device" off: only the user's own device is removed (a no-op otherwise). */
export async function removePushSubscription(db: Db, userId: string, endpoint: string): Promise<{ removed: boolean }> {
  const { rowCount } = await sqlOf(db).query({
    name: "push-subscription-remove",
    text: "DELETE FROM notify_push_subscriptions WHERE endpoint = $1 AND user_id = $2",
    values: [endpoint, userId],
  });
  return { removed: (rowCount ?? 0) > 0 };
}

/** The devices a push target rings (on the policy's inbox connection). */
export async function devicesFor(c: SqlClient, target: PushTarget): Promise<PushDevice[]> {
  const columns = `id::text, user_id::text AS "userId", endpoint, p256dh, auth, locale`;
  if ("everyone" in target) {
    const { rows } = await c.query<PushDevice>({
      name: "push-devices-of-audience",
      text: `SELECT ${columns} FROM notify_push_subscriptions WHERE audience = $1 ORDER BY created_at`,
      values: [target.audience],
    });
    return rows;
  }
  if (target.userIds.length === 0) return [];
  const { rows } = await c.query<PushDevice>({
    name: "push-devices-of-users",
    text: `SELECT ${columns} FROM notify_push_subscriptions WHERE audience = $1 AND user_id = ANY($2::uuid[]) ORDER BY created_at`,
    values: [target.audience, target.userIds],
  });
  return rows;
}

/** One device by id (the dispatcher's recipient), or null when it was removed meanwhile. */
export async function pushDevice(db: Db, id: string): Promise<PushDevice | null> {
  const { rows } = await sqlOf(db).query<PushDevice>({
    name: "push-device",
    text: `SELECT id::text, user_id::text AS "userId", endpoint, p256dh, auth, locale FROM notify_push_subscriptions WHERE id = $1::uuid`,
    values: [id],
  });
  return rows[0] ?? null;
}

export async function markPushDelivered(db: Db, id: string): Promise<void> {
  await sqlOf(db).query({
    name: "push-device-ok",
    text: "UPDATE notify_push_subscriptions SET last_success_at = now() WHERE id = $1::uuid",
    values: [id],
  });
}

/** The push service said the subscription is gone (404/410): the device no longer exists for us. */
export async function forgetPushDevice(db: Db, id: string): Promise<void> {
  await sqlOf(db).query({
    name: "push-device-gone",
    text: "DELETE FROM notify_push_subscriptions WHERE id = $1::uuid",
    values: [id],
  });
}
