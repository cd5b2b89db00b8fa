// GET /api/v1/stores/{storeId}/bouquets — a shop and its bouquets on sale (public API).
import { storeBouquetsRoute } from "~/server/rest/catalog";

export const dynamic = "force-dynamic";
export const GET = storeBouquetsRoute;
