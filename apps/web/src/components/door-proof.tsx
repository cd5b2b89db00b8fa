"use client";
// The proof at the door (D5) for the customer: the photo (served by /api/orders/[id]/door-photo
// only to those concerned), the rider's note, who took the bouquet and when it was delivered.
import { useTranslations } from "next-intl";
import { isoDateTime, useFormat } from "~/lib/format";

export type DoorProofView = { hasPhoto: boolean; note: string | null; leftWith: string | null; deliveredAt: Date | string };

export function DoorProof({ orderId, proof }: { orderId: string; proof: DoorProofView }) {
  const t = useTranslations("doorProof");
  const f = useFormat();
  if (!proof.hasPhoto && !proof.note && !proof.leftWith) return null;
  return (
    <figure className="m-0 grid gap-2 rounded-2xl border border-line bg-surface-2/60 p-3" data-testid="door-proof">
      {proof.hasPhoto && (
        // A private, access-checked photo: a plain <img> sends the viewer's session cookie with it.
        <img src={`/api/orders/${orderId}/door-photo`} alt={t("photoAlt")} loading="lazy" className="max-h-80 w-full rounded-xl object-contain" data-testid="door-photo" />
      )}
      <figcaption className="grid gap-1 text-sm">
        <span className="font-semibold">
          {t("deliveredAt")} <time dateTime={isoDateTime(proof.deliveredAt)}>{f.dateTime(proof.deliveredAt)}</time>
        </span>
        {proof.leftWith && <span>{t("leftWith", { name: proof.leftWith })}</span>}
        {proof.note && (
          <span>
            {t("note")}: “{proof.note}”
          </span>
        )}
      </figcaption>
    </figure>
  );
}
