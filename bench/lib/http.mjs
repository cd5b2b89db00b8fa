// The real HTTP API as a browser uses it: next-auth credentials sign-in, tRPC calls with superjson.
import { todayInSeoulDate } from "./time.mjs";

/** Signs in through next-auth (csrf → credentials callback); returns the Cookie header value. */
export async function signIn(base, email, password) {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const jar = cookies(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookies(res).split("; ").find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email}: HTTP ${res.status}`);
  return session;
}

const cookies = (res) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/** Signs in many accounts, `parallel` at a time. */
export async function signInAll(base, emails, password, parallel = 8) {
  const out = new Array(emails.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < emails.length) {
        const i = next++;
        out[i] = await signIn(base, emails[i], password);
      }
    }),
  );
  return out;
}

export async function trpc(base, cookie, proc, input, method = input === undefined ? "GET" : "POST") {
  const url = `${base}/api/trpc/${proc}`;
  const res =
    method === "GET"
      ? await fetch(input === undefined ? url : `${url}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: { cookie } })
      : await fetch(url, { method, headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ json: input }) });
  const body = await res.json();
  if (!res.ok) throw new Error(`${proc}: HTTP ${res.status} ${JSON.stringify(body.error?.json?.data?.domainCode ?? body.error?.json?.message)}`);
  return body.result.data.json;
}

/** The checkout() shape of test/support/fixtures.ts, with a fresh idempotency key each time. */
export function checkoutBody(item) {
  return JSON.stringify({
    json: {
      storeId: item.storeId,
      items: [{ bouquetId: item.bouquetId, quantity: 1 }],
      delivery: {
        recipientName: "Soyeon Yoon",
        recipientPhone: "010-9876-5432",
        address: "88 Eulji-ro, Jung-gu, Seoul",
        deliveryDate: tomorrowInSeoul(),
        timeSlot: "12-15",
        giftMessage: "Happy birthday!",
      },
      card: { number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" },
      idempotencyKey: globalThis.crypto.randomUUID(),
    },
  });
}

let tomorrow;
function tomorrowInSeoul() {
  if (!tomorrow) {
    const d = todayInSeoulDate();
    d.setUTCDate(d.getUTCDate() + 1);
    tomorrow = d.toISOString().slice(0, 10);
  }
  return tomorrow;
}
