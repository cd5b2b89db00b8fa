// W5: a shop's name, address and description as the owner edits them, in English (`xxx`) and
// Korean (`xxxKo`). Shared by the shop profile form and the procedure; both languages required
// for the name and address (customers and riders read them), descriptions may be empty.
import { z } from "zod";
import { textField } from "../shared/text";

export const STORE_PROFILE_LIMITS = { nameMax: 60, addressMax: 160, descriptionMax: 300 } as const;
const L = STORE_PROFILE_LIMITS;

export const storeProfileSchema = z.object({
  storeId: z.uuid("Unknown store"),
  name: textField({ min: 1, max: L.nameMax, messages: { tooShort: "Enter the English name", tooLong: "Name is too long" } }),
  nameKo: textField({ min: 1, max: L.nameMax, messages: { tooShort: "Enter the Korean name", tooLong: "Name is too long" } }),
  address: textField({ min: 1, max: L.addressMax, messages: { tooShort: "Enter the English address", tooLong: "Address is too long" } }),
  addressKo: textField({ min: 1, max: L.addressMax, messages: { tooShort: "Enter the Korean address", tooLong: "Address is too long" } }),
  description: textField({ max: L.descriptionMax, multiline: true, messages: { tooLong: "Description is too long" } }),
  descriptionKo: textField({ max: L.descriptionMax, multiline: true, messages: { tooLong: "Description is too long" } }),
});
export type StoreProfile = z.infer<typeof storeProfileSchema>;
