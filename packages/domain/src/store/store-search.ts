// Browsing shops (F1): by area and/or a name search. Shared by the tRPC router and the REST API.
import { z } from "zod";

export const storeSearchSchema = z.object({
  area: z.string().max(40).optional(),
  q: z.string().trim().max(60).optional(),
});
export type StoreSearch = z.infer<typeof storeSearchSchema>;
