// Rebuilds MyPage's read model from the event log (the retained outbox): npm run mypage:rebuild
import { consoleLogger, rebuildMyPage } from "@bloom/app";
import { closeDbs, getDb } from "@bloom/db";
import { env } from "./env";

const t0 = Date.now();
const orders = await rebuildMyPage(getDb(env.DATABASE_URL));
consoleLogger.info({ orders, ms: Date.now() - t0 }, "MyPage rebuilt from the event log");
await closeDbs();
