import { createCallerFactory, router } from "../trpc";
import { accountRouter } from "./account";
import { catalogRouter } from "./catalog";
import { deliveryRouter } from "./delivery";
import { liveRouter } from "./live";
import { mypageRouter } from "./mypage";
import { notificationRouter } from "./notification";
import { opsRouter } from "./ops";
import { orderRouter } from "./order";
import { pushRouter } from "./push";
import { scheduleRouter } from "./schedule";
import { storeRouter } from "./store";
import { trackingRouter } from "./tracking";

export const appRouter = router({
  account: accountRouter,
  catalog: catalogRouter,
  order: orderRouter,
  store: storeRouter,
  delivery: deliveryRouter,
  mypage: mypageRouter,
  live: liveRouter,
  ops: opsRouter,
  schedule: scheduleRouter,
  tracking: trackingRouter,
  notification: notificationRouter,
  push: pushRouter,
});
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
