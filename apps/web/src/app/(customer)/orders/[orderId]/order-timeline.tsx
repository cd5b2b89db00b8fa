// An order's history (B2): every status change with its time, oldest first.
import type { OrderStatus } from "@bloom/domain";
import { formatDateTime, isoDateTime } from "~/lib/format";
import { ORDER_STATUS_LABEL } from "~/lib/order-status";

export function OrderTimeline({ history }: { history: { id: string; status: OrderStatus; note: string | null; at: Date }[] }) {
  return (
    <ol className="timeline">
      {history.map((h) => (
        <li key={h.id}>
          <span className="timeline__status">{ORDER_STATUS_LABEL[h.status]}</span>
          <time className="timeline__time" dateTime={isoDateTime(h.at)}>
            {formatDateTime(h.at)}
          </time>
          {h.note && <span className="timeline__note">“{h.note}”</span>}
        </li>
      ))}
    </ol>
  );
}
