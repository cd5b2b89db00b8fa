// The photo of the arranged bouquet (W1), served only to the order's sender and its shop's owners;
// to anyone else — signed out included — it does not exist (404). Never cached by a shared cache.
import { arrangementPhotoKeyFor } from "@bloom/app";
import { z } from "zod";
import { getSession } from "~/server/auth";
import { services } from "~/server/services";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

export async function GET(_req: Request, { params }: { params: Promise<{ orderId: string }> }) {
  const orderId = z.uuid().safeParse((await params).orderId);
  const session = await getSession();
  if (!orderId.success || !session?.user) return notFound();
  const { db, photos } = services();
  const key = await arrangementPhotoKeyFor(db, session.user, orderId.data);
  if (!key) return notFound();
  const photo = await photos.get(key);
  if (!photo) return notFound();
  return new Response(photo.bytes as BodyInit, {
    headers: {
      "Content-Type": photo.contentType,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
}
