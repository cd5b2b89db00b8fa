// Browsing shops (F1): by area and/or a name search. Shared by the tRPC router and the REST API.
import { z } from "zod";
import { textField } from "../shared/text";

export const storeSearchSchema = z.object({
  area: textField({ max: 40 }).optional(),
  q: textField({ max: 60 }).optional(),
});
export type StoreSearch = z.infer<typeof storeSearchSchema>;
