import type { ColumnType } from "kysely";
export type Generated<T> =
  T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S, I | undefined, U> : ColumnType<T, T | undefined, T>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export const Role = {
  CUSTOMER: "CUSTOMER",
  OWNER: "OWNER",
  RIDER: "RIDER",
  ADMIN: "ADMIN",
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const StoreOrderStatus = {
  NEW: "NEW",
  ACCEPTED: "ACCEPTED",
  DECORATED: "DECORATED",
  REJECTED: "REJECTED",
  CANCELLED: "CANCELLED",
} as const;
export type StoreOrderStatus = (typeof StoreOrderStatus)[keyof typeof StoreOrderStatus];
export const OrderStatus = {
  PLACED: "PLACED",
  ACCEPTED: "ACCEPTED",
  DECORATED: "DECORATED",
  DELIVERING: "DELIVERING",
  DELIVERED: "DELIVERED",
  REJECTED: "REJECTED",
  CANCELLED: "CANCELLED",
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];
export const PaymentStatus = {
  APPROVED: "APPROVED",
  REFUND_PENDING: "REFUND_PENDING",
  REFUNDED: "REFUNDED",
  VOIDED: "VOIDED",
} as const;
export type PaymentStatus = (typeof PaymentStatus)[keyof typeof PaymentStatus];
export const DeliveryStatus = {
  OPEN: "OPEN",
  CLAIMED: "CLAIMED",
  AT_SHOP: "AT_SHOP",
  STARTED: "STARTED",
  ATTEMPTED: "ATTEMPTED",
  RETURNED: "RETURNED",
  COMPLETED: "COMPLETED",
  CANCELLED: "CANCELLED",
} as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];
export const PickupConfirmer = {
  RIDER: "RIDER",
  OWNER: "OWNER",
} as const;
export type PickupConfirmer = (typeof PickupConfirmer)[keyof typeof PickupConfirmer];
export type Addon = {
  id: string;
  store_id: string;
  name: string;
  name_ko: string;
  price_won: number;
  stock: number;
  stock_baseline: Generated<number>;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Timestamp;
};
export type AddonReservation = {
  order_id: string;
  addon_id: string;
  quantity: number;
  created_at: Generated<Timestamp>;
  released_at: Timestamp | null;
};
export type ApiClient = {
  id: string;
  name: string;
  secret_hash: string;
  scopes: string[];
  user_id: string;
  created_at: Generated<Timestamp>;
  revoked_at: Timestamp | null;
};
export type Bouquet = {
  id: string;
  store_id: string;
  name: string;
  name_ko: string;
  description: string;
  price_won: number;
  stock: number;
  stock_baseline: Generated<number>;
  image_url: string;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Timestamp;
  description_ko: Generated<string>;
  deluxe_price_won: number | null;
  premium_price_won: number | null;
};
export type Delivery = {
  id: string;
  order_id: string;
  store_id: string;
  store_name: Generated<string>;
  pickup_address: Generated<string>;
  dropoff_address: Generated<string>;
  recipient_name: Generated<string>;
  recipient_phone: Generated<string>;
  delivery_date: Generated<string>;
  time_slot: Generated<string>;
  status: Generated<DeliveryStatus>;
  rider_id: string | null;
  rider_name: string | null;
  claimed_at: Timestamp | null;
  arrived_at: Timestamp | null;
  started_at: Timestamp | null;
  picked_up_by: PickupConfirmer | null;
  completed_at: Timestamp | null;
  returned_at: Timestamp | null;
  rider_fee_won: Generated<number>;
  store_phone: Generated<string>;
  distance_km: number | null;
  items: Generated<unknown>;
  attempts: Generated<number>;
  attempted_at: Timestamp | null;
  attempt_reason: string | null;
  attempt_note: string | null;
  back_at_shop_at: Timestamp | null;
  left_with: string | null;
  proof_photo_key: string | null;
  proof_note: string | null;
  redelivery_fee_won: Generated<number>;
  require_photo: Generated<boolean>;
  store_name_ko: Generated<string>;
  pickup_address_ko: Generated<string>;
  created_at: Generated<Timestamp>;
  updated_at: Timestamp;
};
export type MyPageOrder = {
  order_id: string;
  customer_id: string | null;
  store_name: string;
  items_summary: string;
  total_won: number;
  delivery_fee_won: Generated<number>;
  order_status: string;
  delivery_status: string;
  payment_status: string;
  rider_name: string | null;
  delivery_date: string;
  time_slot: string;
  timeline: unknown;
  events: unknown;
  placed_at: Timestamp | null;
  updated_at: Timestamp;
  store_name_ko: Generated<string>;
  items_summary_ko: Generated<string>;
};
export type NotifyMessage = {
  id: string;
  idempotency_key: string;
  channel: string;
  kind: string;
  recipient: string;
  order_id: string | null;
  event_id: string;
  locale: string;
  payload: unknown;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Timestamp>;
  last_error: string | null;
  created_at: Generated<Timestamp>;
  sent_at: Timestamp | null;
};
export type NotifyPreference = {
  customer_id: string;
  locale: Generated<string>;
  opted_out: Generated<string[]>;
  updated_at: Generated<Timestamp>;
};
export type Order = {
  id: string;
  customer_id: string;
  store_id: string;
  store_name: string;
  status: Generated<OrderStatus>;
  total_won: number;
  recipient_name: string;
  recipient_phone: string;
  address: string;
  delivery_date: string;
  time_slot: string;
  gift_message: string | null;
  note: string | null;
  idempotency_key: string;
  payment_id: string;
  card_brand: string;
  card_last4: string;
  refunded: Generated<boolean>;
  redelivery_fee_won: Generated<number>;
  status_reason: string | null;
  delivery_fee_won: Generated<number>;
  send_anonymously: Generated<boolean>;
  created_at: Generated<Timestamp>;
  updated_at: Timestamp;
  store_name_ko: Generated<string>;
};
export type OrderAddon = {
  id: string;
  order_id: string;
  addon_id: string;
  name: string;
  name_ko: string;
  unit_price_won: number;
  quantity: number;
};
export type OrderHistory = {
  id: string;
  order_id: string;
  status: OrderStatus;
  note: string | null;
  at: Generated<Timestamp>;
};
export type OrderLine = {
  id: string;
  order_id: string;
  bouquet_id: string;
  name: string;
  unit_price_won: number;
  quantity: number;
  name_ko: Generated<string>;
  tier: Generated<string>;
};
export type OutboxEvent = {
  id: string;
  type: string;
  version: number;
  order_id: string;
  payload: unknown;
  occurred_at: Timestamp;
  published_at: Timestamp | null;
  attempts: Generated<number>;
  seq: Generated<string>;
};
export type Payment = {
  id: string;
  order_id: string;
  customer_id: string;
  amount_won: number;
  status: PaymentStatus;
  provider_ref: string;
  card_brand: string;
  card_last4: string;
  created_at: Generated<Timestamp>;
  refunded_at: Timestamp | null;
  refund_cause: string | null;
  refund_requested_at: Timestamp | null;
  refund_attempts: Generated<number>;
  refund_next_at: Timestamp | null;
  refund_last_error: string | null;
};
export type PaymentAttempt = {
  id: string;
  customer_id: string;
  idempotency_key: string;
  fingerprint: string;
  charge_key: string;
  order_id: string;
  amount_won: number;
  status: string;
  provider_ref: string | null;
  note: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  reconcile_at: Generated<Timestamp>;
  checked_at: Timestamp | null;
};
export type ProcessedEvent = {
  consumer: string;
  event_id: string;
  processed_at: Generated<Timestamp>;
};
export type PushSubscription = {
  id: string;
  user_id: string;
  audience: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  locale: string;
  user_agent: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  last_success_at: Timestamp | null;
};
export type SigningKey = {
  kid: string;
  algorithm: string;
  public_jwk: unknown;
  private_jwk: unknown;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  retired_at: Timestamp | null;
};
export type SlotCount = {
  store_id: string;
  delivery_date: string;
  time_slot: string;
  booked: Generated<number>;
};
export type SlotReservation = {
  order_id: string;
  store_id: string;
  delivery_date: string;
  time_slot: string;
  created_at: Generated<Timestamp>;
  released_at: Timestamp | null;
};
export type StockReservation = {
  order_id: string;
  bouquet_id: string;
  quantity: number;
  created_at: Generated<Timestamp>;
  released_at: Timestamp | null;
};
export type Store = {
  id: string;
  owner_id: string;
  name: string;
  name_ko: string;
  area: string;
  address: string;
  phone: string;
  description: string;
  image_url: string;
  opens_at: Generated<number>;
  closes_at: Generated<number>;
  booking_horizon_days: Generated<number>;
  lat: number | null;
  lng: number | null;
  delivery_zones: Generated<unknown>;
  weekly_hours: Generated<unknown>;
  lead_time_minutes: Generated<number>;
  slot_cutoff_minutes: number | null;
  slot_capacity: number | null;
  require_delivery_photo: Generated<boolean>;
  require_arrangement_photo: Generated<boolean>;
  approval_window_seconds: Generated<number>;
  created_at: Generated<Timestamp>;
  address_ko: Generated<string>;
  description_ko: Generated<string>;
};
export type StoreArrangement = {
  order_id: string;
  store_id: string;
  status: string;
  round: Generated<number>;
  photo_key: string;
  substitutions: string | null;
  change_note: string | null;
  due_at: Timestamp | null;
  submitted_by: string;
  submitted_at: Timestamp;
  change_requested_at: Timestamp | null;
  approved_by: string | null;
  approved_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  updated_at: Timestamp;
};
export type StoreClosure = {
  id: string;
  store_id: string;
  starts_on: string;
  ends_on: string;
  note: string | null;
  created_at: Generated<Timestamp>;
};
export type StoreNotification = {
  id: string;
  store_id: string;
  order_id: string;
  message: string;
  read_at: Timestamp | null;
  created_at: Generated<Timestamp>;
};
export type StoreOrder = {
  id: string;
  order_id: string;
  store_id: string;
  status: Generated<StoreOrderStatus>;
  lines: Generated<unknown>;
  total_won: Generated<number>;
  recipient_name: Generated<string>;
  recipient_phone: Generated<string>;
  address: Generated<string>;
  delivery_date: Generated<string>;
  time_slot: Generated<string>;
  gift_message: string | null;
  note: string | null;
  over_stock: Generated<boolean>;
  delivery_fee_won: Generated<number>;
  reject_reason: string | null;
  rider_name: string | null;
  claimed_at: Timestamp | null;
  arrived_at: Timestamp | null;
  picked_up_at: Timestamp | null;
  delivered_at: Timestamp | null;
  returned_at: Timestamp | null;
  attempted_at: Timestamp | null;
  attempt_reason: string | null;
  attempts: Generated<number>;
  back_at_shop_at: Timestamp | null;
  left_with: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Timestamp;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  addons: Generated<unknown>;
};
export type User = {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  password_hash: string;
  role: Role;
  session_version: Generated<number>;
  created_at: Generated<Timestamp>;
};
export type WebhookDelivery = {
  id: string;
  event_id: string;
  endpoint_id: string;
  order_id: string;
  event_type: string;
  message_id: string;
  body: string;
  status: Generated<string>;
  job_id: string;
  replays: Generated<number>;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  delivered_at: Timestamp | null;
};
export type WebhookDeliveryAttempt = {
  id: Generated<string>;
  delivery_id: string;
  attempted_at: Timestamp;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  response_snippet: string | null;
};
export type WebhookEndpoint = {
  id: string;
  client_id: string;
  user_id: string;
  url: string;
  description: string | null;
  event_types: string[];
  enabled: Generated<boolean>;
  secret: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
};
export type DB = {
  delivery_deliveries: Delivery;
  identity_api_clients: ApiClient;
  identity_signing_keys: SigningKey;
  identity_users: User;
  inbox_processed_events: ProcessedEvent;
  mypage_orders: MyPageOrder;
  notify_messages: NotifyMessage;
  notify_preferences: NotifyPreference;
  notify_push_subscriptions: PushSubscription;
  ordering_order_addons: OrderAddon;
  ordering_order_history: OrderHistory;
  ordering_order_lines: OrderLine;
  ordering_orders: Order;
  outbox_events: OutboxEvent;
  payment_attempts: PaymentAttempt;
  payment_payments: Payment;
  store_addon_reservations: AddonReservation;
  store_addons: Addon;
  store_arrangements: StoreArrangement;
  store_bouquets: Bouquet;
  store_closures: StoreClosure;
  store_notifications: StoreNotification;
  store_orders: StoreOrder;
  store_slot_counts: SlotCount;
  store_slot_reservations: SlotReservation;
  store_stock_reservations: StockReservation;
  store_stores: Store;
  webhook_deliveries: WebhookDelivery;
  webhook_delivery_attempts: WebhookDeliveryAttempt;
  webhook_endpoints: WebhookEndpoint;
};
