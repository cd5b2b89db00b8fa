import { createCallerFactory, router } from "../trpc";
import { accountRouter } from "./account";
import { catalogRouter } from "./catalog";
import { orderRouter } from "./order";

export const appRouter = router({
  account: accountRouter,
  catalog: catalogRouter,
  order: orderRouter,
});
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
