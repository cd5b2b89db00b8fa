// @bloom/app: use cases. Each loads state, asks the domain, and saves state + outbox events in
// one transaction. Every inbound adapter (tRPC, REST, worker) calls these, never the tables.
export * from "./shared/context";
export * from "./shared/logger";
export * from "./shared/outbox";
export * from "./identity/accounts";
export * from "./identity/api-clients";
export * from "./identity/key-wrap";
export * from "./identity/signing-keys";
export * from "./identity/access-tokens";
export * from "./catalog/queries";
export * from "./payment/processor-gateway";
export * from "./payment/resilient-payments";
export * from "./ordering/place-order";
export * from "./ordering/cancel-order";
export * from "./ordering/queries";
export * from "./shared/inbox";
export * from "./store/board";
export * from "./store/menu";
export * from "./delivery/rider";
export * from "./mypage/project";
export * from "./policies";
export * from "./payment/attempts";
export * from "./payment/reconcile";
export * from "./payment/refund";
export * from "./store/inventory";
export * from "./ordering/order-fate";
