// The florist's photo of the arranged bouquet (W1): a multipart form with the photo (the tablet's
// camera or a file) and the substitutions, held to the rider's door-photo rules (S3): from this
// site, within a size limit, before the body is read; then an owner of the order's shop — anyone
// else hears "not found". The sender approves it or asks for one change (tRPC mypage.answerArrangement).
import { DOOR_PHOTO_MAX_BYTES, submitArrangementPhoto } from "@bloom/app";
import { arrangementPhotoSchema } from "@bloom/domain";
import { z } from "zod";
import { getSession } from "~/server/auth";
import { declaresMoreThan } from "~/server/body-limit";
import { HTTP_STATUS } from "~/server/rest/errors";
import { fromThisSite } from "~/server/same-origin";
import { services } from "~/server/services";

const MAX_BODY_BYTES = DOOR_PHOTO_MAX_BYTES + 64 * 1024;

const answer = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status });

export async function POST(req: Request, { params }: { params: Promise<{ orderId: string }> }) {
  if (!fromThisSite(req)) return answer(403, "FORBIDDEN", "Cross-site requests are not accepted");
  if (req.headers.get("content-type")?.split(";", 1)[0]!.trim().toLowerCase() !== "multipart/form-data") {
    return answer(415, "VALIDATION", "Send the photo as multipart/form-data");
  }
  if (declaresMoreThan(req, MAX_BODY_BYTES) || req.headers.get("content-length") === null) return answer(413, "VALIDATION", "The photo is larger than 8 MB");
  const session = await getSession();
  if (!session?.user) return answer(401, "UNAUTHORIZED", "Please sign in");
  if (session.user.role !== "OWNER" && session.user.role !== "ADMIN") return answer(404, "NOT_FOUND", "Order not found on your board");

  const orderId = z.uuid().safeParse((await params).orderId);
  if (!orderId.success) return answer(404, "NOT_FOUND", "Order not found on your board");
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return answer(400, "VALIDATION", "The form could not be read");
  }
  const raw = form.get("substitutions");
  const parsed = arrangementPhotoSchema.safeParse({ substitutions: typeof raw === "string" && raw.trim() !== "" ? raw : null });
  if (!parsed.success) return answer(400, "VALIDATION", `substitutions: ${parsed.error.issues[0]?.message ?? "Check the form"}`);
  const file = form.get("photo");
  let photo: Uint8Array | null = null;
  if (file instanceof File && file.size > 0) {
    // The declared type is the browser's guess from the name: sharp decides what it really is.
    if (!file.type.startsWith("image/")) return answer(415, "VALIDATION", "photo: This file is not a photo");
    photo = new Uint8Array(await file.arrayBuffer());
  }
  const svc = services();
  const r = await submitArrangementPhoto({ ...svc, log: svc.log.child({ route: "arrangement-photo" }) }, svc.photos, session.user, orderId.data, {
    photo,
    substitutions: parsed.data.substitutions,
  });
  if (!r.ok) return answer(HTTP_STATUS[r.code], r.code, r.message);
  return Response.json({ ok: true, round: r.round, dueAt: r.dueAt.toISOString() });
}
