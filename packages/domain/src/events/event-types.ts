// The names of every integration event, with no zod: MyPage's timeline and the board read them in the
// browser (P1). catalog.ts gives each exactly one payload schema (checked by `satisfies`).
const NAMES = [
  "OrderPlaced",
  "OrderCancelled",
  "StoreOrderAccepted",
  "DecorationCompleted",
  "StoreOrderRejected",
  "PaymentRefunded",
  "DeliveryRequested",
  "DeliveryClaimed",
  "RiderArrivedAtShop",
  "DeliveryStarted",
  "DeliveryCompleted",
  "DeliveryCancelled",
  "DeliveryReturned",
  "DeliveryLeftWithNeighbour",
  "DeliveryAttempted",
  "DeliveryBackAtShop",
  "DeliveryRescheduled",
  "DeliveryAbandoned",
  // W1: photo approval before dispatch.
  "ArrangementPhotoSubmitted",
  "ArrangementChangeRequested",
  "ArrangementApproved",
] as const;
export type EventType = (typeof NAMES)[number];
export const EVENT_TYPES: EventType[] = [...NAMES];
