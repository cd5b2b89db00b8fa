// Public API — the catalog (F1): shops and a shop's bouquets. Any valid token may read it.
import { getStoreMenu, listStores } from "@bloom/app";
import { storeSearchSchema } from "@bloom/domain";
import { z } from "zod";
import { services } from "../services";
import { apiRoute, json } from "./api-route";
import { ApiError, validationError } from "./errors";
import { toAddon, toBouquet, toStore } from "./resources";
import type { storeListResource, storeMenuResource } from "./schemas";

export const listStoresRoute = apiRoute({ scope: null }, async ({ req }) => {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const filter = storeSearchSchema.safeParse(query);
  if (!filter.success) throw validationError(filter.error);
  const stores = await listStores(services().db, filter.data);
  const body: z.infer<typeof storeListResource> = { stores: stores.map((s) => ({ ...toStore(s), bouquetCount: s.bouquetCount })) };
  return json(body);
});

export const storeBouquetsRoute = apiRoute<{ storeId: string }>({ scope: null }, async ({ params }) => {
  const menu = z.uuid().safeParse(params.storeId).success ? await getStoreMenu(services().db, params.storeId) : null;
  if (!menu) throw new ApiError(404, "NOT_FOUND", "This store does not exist");
  const body: z.infer<typeof storeMenuResource> = { store: toStore(menu), bouquets: menu.bouquets.map(toBouquet), addons: menu.addons.map(toAddon) };
  return json(body);
});
