// The photo at the door (D5), served only to the order's customer, an owner of its shop and the
// rider who delivered it; to anyone else — signed out included — it does not exist (404), so its
// existence is not revealed either. Never cached by a shared cache.
import { doorProofFor } from "@bloom/app";
import { z } from "zod";
import { getSession } from "~/server/auth";
import { services } from "~/server/services";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

export async function GET(_req: Request, { params }: { params: Promise<{ orderId: string }> }) {
  const orderId = z.uuid().safeParse((await params).orderId);
  const session = await getSession();
  if (!orderId.success || !session?.user) return notFound();
  const { db, photos } = services();
  const proof = await doorProofFor(db, session.user, orderId.data);
  if (!proof?.photoKey) return notFound();
  const photo = await photos.get(proof.photoKey);
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
