// @bloom/domain: Bloom's business rules, free of frameworks (no Next, React, Prisma, BullMQ).
export * from "./shared/errors";
export * from "./shared/money";
export * from "./identity/credentials";
export * from "./ordering/checkout";
export * from "./ordering/order";
export * from "./ordering/price-cart";
export * from "./payment/card";
export * from "./payment/gateway";
export * from "./payment/sandbox-cards";
export * from "./store/store-order";
export * from "./delivery/delivery";
export * from "./events/catalog";
export * from "./events/subscriptions";
export * from "./mypage/projection";
export * from "./events/live";
export * from "./store/bouquet-edit";
