// The rider delivers with proof (D5): a multipart form with an optional photo (the phone's camera),
// an optional note and, when a neighbour or concierge took the bouquet, their name. Held to the
// same rules as a tRPC mutation (S3) before the body is read: from this site, within a size limit;
// then a signed-in rider holding this delivery — anyone else hears "not found".
import { deliverWithProof, DOOR_PHOTO_MAX_BYTES } from "@bloom/app";
import { textField } from "@bloom/domain";
import { z } from "zod";
import { getSession } from "~/server/auth";
import { declaresMoreThan } from "~/server/body-limit";
import { fromThisSite } from "~/server/same-origin";
import { services } from "~/server/services";
import { HTTP_STATUS } from "~/server/rest/errors";

// The photo and two short fields, with room for the multipart boundaries.
const MAX_BODY_BYTES = DOOR_PHOTO_MAX_BYTES + 64 * 1024;

const fields = z.object({
  deliveryId: z.uuid(),
  note: textField({ max: 300, multiline: true }).nullable(),
  leftWith: textField({ max: 80 }).nullable(),
});

const answer = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status });

export async function POST(req: Request, { params }: { params: Promise<{ deliveryId: string }> }) {
  if (!fromThisSite(req)) return answer(403, "FORBIDDEN", "Cross-site requests are not accepted");
  if (req.headers.get("content-type")?.split(";", 1)[0]!.trim().toLowerCase() !== "multipart/form-data") {
    return answer(415, "VALIDATION", "Send the delivery as multipart/form-data");
  }
  // A declared length over the limit is refused unread. A browser always declares a form's length,
  // so a body without one (chunked, which formData() would buffer whole) is refused too.
  if (declaresMoreThan(req, MAX_BODY_BYTES) || req.headers.get("content-length") === null) return answer(413, "VALIDATION", "The photo is larger than 8 MB");
  const session = await getSession();
  if (!session?.user) return answer(401, "UNAUTHORIZED", "Please sign in");
  if (session.user.role !== "RIDER") return answer(404, "NOT_FOUND", "Delivery not found");

  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return answer(400, "VALIDATION", "The form could not be read");
  }
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" && v.trim() !== "" ? v : null;
  };
  const parsed = fields.safeParse({ deliveryId: (await params).deliveryId, note: text("note"), leftWith: text("leftWith") });
  if (!parsed.success) return answer(400, "VALIDATION", parsed.error.issues[0]?.message ?? "Check the form");
  const file = form.get("photo");
  let photo: Uint8Array | null = null;
  if (file instanceof File && file.size > 0) {
    // The declared type is the browser's guess from the name: sharp decides what it really is.
    if (!file.type.startsWith("image/")) return answer(415, "VALIDATION", "This file is not a photo");
    photo = new Uint8Array(await file.arrayBuffer());
  }
  const svc = services();
  const r = await deliverWithProof({ ...svc, log: svc.log.child({ route: "deliver" }) }, svc.photos, session.user, parsed.data.deliveryId, {
    photo,
    note: parsed.data.note,
    leftWith: parsed.data.leftWith,
  });
  if (!r.ok) return answer(HTTP_STATUS[r.code], r.code, r.message);
  return Response.json({ ok: true });
}
