// GET /api/v1/stores — the shops (public API).
import { listStoresRoute } from "~/server/rest/catalog";

export const dynamic = "force-dynamic";
export const GET = listStoresRoute;
