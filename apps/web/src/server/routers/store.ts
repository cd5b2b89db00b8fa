// The store owner's board and menu (F3, F4, F6): owners act on their own stores only.
import { actOnStoreOrder, addAddon, addBouquet, addonsFor, boardDoneFor, updateAddon, boardFor, boardOrderFor, markNotificationsRead, menuFor, myStores, updateBouquet } from "@bloom/app";
import { confirmPickupByOwner, refundUndelivered, rescheduleDelivery, saveZones, setRequireDeliveryPhoto, zonesFor } from "@bloom/app";
import { arrangementForOwner, setArrangementSettings } from "@bloom/app";
import { addonEditSchema, addonUpdateSchema, arrangementSettingsSchema, boardQuerySchema, bouquetEditSchema, rejectOrderSchema, rescheduleSchema, saveDeliveryZonesSchema, textField } from "@bloom/domain";
import { saveStoreProfile } from "@bloom/app";
import { storeProfileSchema } from "@bloom/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { countOrderCommand } from "../metrics";
import { orThrow, ownerProcedure, router } from "../trpc";

const orderId = z.object({ orderId: z.uuid("Unknown order") });

export const storeRouter = router({
  myStores: ownerProcedure.query(({ ctx }) => myStores(ctx.db, ctx.user)),
  // W3: the board for a day and slot; Done continues a page at a time; one card after a live change.
  board: ownerProcedure
    .input(boardQuerySchema.omit({ cursor: true }).optional())
    .query(({ ctx, input }) => boardFor(ctx.db, ctx.user, input?.storeId, { day: input?.day, slot: input?.slot })),
  boardDone: ownerProcedure.input(boardQuerySchema).query(({ ctx, input }) => boardDoneFor(ctx.db, ctx.user, input)),
  boardOrder: ownerProcedure.input(orderId).query(({ ctx, input }) => boardOrderFor(ctx.db, ctx.user, input.orderId)),
  markRead: ownerProcedure.mutation(({ ctx }) => markNotificationsRead(ctx.db, ctx.user)),
  accept: ownerProcedure
    .input(orderId)
    .mutation(async ({ ctx, input }) => orThrow(await actOnStoreOrder(ctx, ctx.user, input.orderId, { kind: "accept" }))),
  completeDecoration: ownerProcedure
    .input(orderId)
    .mutation(async ({ ctx, input }) =>
      orThrow(await actOnStoreOrder(ctx, ctx.user, input.orderId, { kind: "completeDecoration" })),
    ),
  reject: ownerProcedure
    .input(orderId.extend(rejectOrderSchema.shape))
    .mutation(async ({ ctx, input }) => {
      const r = await actOnStoreOrder(ctx, ctx.user, input.orderId, { kind: "reject", reason: input.reason, detail: input.detail ?? null });
      countOrderCommand("reject", r);
      return orThrow(r);
    }),
  // D3: the florist hands the arranged bouquet to the rider who claimed it: the pickup.
  confirmPickup: ownerProcedure
    .input(orderId)
    .mutation(async ({ ctx, input }) => orThrow(await confirmPickupByOwner(ctx, ctx.user, input.orderId))),
  menu: ownerProcedure.input(z.object({ storeId: z.uuid() })).query(async ({ ctx, input }) => {
    const menu = await menuFor(ctx.db, ctx.user, input.storeId);
    if (!menu) throw new TRPCError({ code: "NOT_FOUND", message: "Store not found" });
    return menu;
  }),
  updateBouquet: ownerProcedure
    .input(bouquetEditSchema.partial().extend({ bouquetId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const { bouquetId, ...edit } = input;
      return orThrow(await updateBouquet(ctx.db, ctx.user, bouquetId, edit));
    }),
  addBouquet: ownerProcedure
    .input(bouquetEditSchema.extend({ storeId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const { storeId, ...edit } = input;
      return orThrow(await addBouquet(ctx.db, ctx.user, storeId, edit));
    }),
  // W4: the shop's add-ons, managed in Menu and stock.
  addons: ownerProcedure.input(z.object({ storeId: z.uuid() })).query(async ({ ctx, input }) => {
    const addons = await addonsFor(ctx.db, ctx.user, input.storeId);
    if (!addons) throw new TRPCError({ code: "NOT_FOUND", message: "Store not found" });
    return addons;
  }),
  addAddon: ownerProcedure
    .input(addonEditSchema.extend({ storeId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const { storeId, ...edit } = input;
      return orThrow(await addAddon(ctx.db, ctx.user, storeId, edit));
    }),
  updateAddon: ownerProcedure.input(addonUpdateSchema).mutation(async ({ ctx, input }) => {
    const { addonId, ...edit } = input;
    return orThrow(await updateAddon(ctx.db, ctx.user, addonId, edit));
  }),
  // D1: the shop's delivery zones, read and saved as a whole.
  zones: ownerProcedure.input(z.object({ storeId: z.uuid() })).query(async ({ ctx, input }) => {
    const zones = await zonesFor(ctx.db, ctx.user, input.storeId);
    if (!zones) throw new TRPCError({ code: "NOT_FOUND", message: "Store not found" });
    return zones;
  }),
  saveZones: ownerProcedure.input(saveDeliveryZonesSchema).mutation(async ({ ctx, input }) => orThrow(await saveZones(ctx.db, ctx.user, input))),
  // D4: after a failed attempt, a new slot (with an optional redelivery fee) or a refund.
  reschedule: ownerProcedure
    .input(orderId.extend(rescheduleSchema.shape))
    .mutation(async ({ ctx, input }) => {
      const { orderId: id, ...slot } = input;
      return orThrow(await rescheduleDelivery(ctx, ctx.user, id, slot));
    }),
  refundUndelivered: ownerProcedure
    .input(orderId.extend({ reason: textField({ max: 200 }).nullable().optional() }))
    .mutation(async ({ ctx, input }) => orThrow(await refundUndelivered(ctx, ctx.user, input.orderId, input.reason || null))),
  // D5: the rider must take a photo at the door.
  setRequireDeliveryPhoto: ownerProcedure
    .input(z.object({ storeId: z.uuid(), required: z.boolean() }))
    .mutation(async ({ ctx, input }) => orThrow(await setRequireDeliveryPhoto(ctx.db, ctx.user, input.storeId, input.required))),
  // W1: the card's photo approval (the photo itself is sent by POST /api/store-orders/[orderId]/arrangement-photo).
  arrangement: ownerProcedure.input(orderId).query(async ({ ctx, input }) => {
    const a = await arrangementForOwner(ctx.db, ctx.user, input.orderId);
    if (!a) throw new TRPCError({ code: "NOT_FOUND", message: "Order not found on your board" });
    return a;
  }),
  setArrangementSettings: ownerProcedure
    .input(arrangementSettingsSchema.extend({ storeId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const { storeId, ...settings } = input;
      return orThrow(await setArrangementSettings(ctx.db, ctx.user, storeId, settings));
    }),
  // W5: the shop's name, address and description in English and Korean.
  saveProfile: ownerProcedure.input(storeProfileSchema).mutation(async ({ ctx, input }) => orThrow(await saveStoreProfile(ctx.db, ctx.user, input))),
});
