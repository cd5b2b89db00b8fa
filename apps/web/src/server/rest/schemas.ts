// The public API's contract in zod: what it accepts and what it returns. The OpenAPI document is
// generated from these, the handlers validate and answer with them, and the contract tests check
// real answers against the document. Answers have a stable shape of their own — never a table row.
import { BOUQUET_TIERS, isPlainLine, ORDER_STATUSES, placeOrderSchema, publicOrderDeliverySchema, publicOrderSchema, TEXT_REFUSED, textField } from "@bloom/domain";
import { z } from "zod";

/**
 * The POST /orders body: the checkout schema, with the idempotency key moved to a header — so the
 * same text, date and merged-lines rules (S4) as tRPC's order.place.
 */
export const placeOrderBodySchema = placeOrderSchema.omit({ idempotencyKey: true });
export const IDEMPOTENCY_KEY = "Idempotency-Key";

const uuid = z.uuid();
const won = z.number().int().describe("Amount in Korean won (₩)");
const timestamp = z.iso.datetime().describe("ISO 8601 time (UTC)");

export const storeResource = z.object({
  id: uuid,
  name: z.string(),
  nameKo: z.string().describe("The shop's Korean name"),
  area: z.string(),
  address: z.string(),
  phone: z.string(),
  description: z.string(),
  imageUrl: z.string().describe("Path of the shop's picture on this host"),
  opensAt: z.number().int().describe("Opening hour in Korea (0-23)"),
  closesAt: z.number().int().describe("Closing hour in Korea (0-24)"),
  open: z.boolean().describe("Whether the shop is open right now"),
  addressKo: z.string().describe("W5: the shop's address in Korean"),
  descriptionKo: z.string().describe("W5: the shop's description in Korean"),
});

export const storeListResource = z.object({ stores: z.array(storeResource.extend({ bouquetCount: z.number().int() })) });

export const bouquetResource = z.object({
  id: uuid,
  storeId: uuid,
  name: z.string(),
  nameKo: z.string(),
  description: z.string(),
  priceWon: won,
  stock: z.number().int().describe("Bouquets in stock now; 0 means sold out"),
  imageUrl: z.string(),
  descriptionKo: z.string().describe("W5: the bouquet's description in Korean"),
  sizes: z
    .array(z.object({ tier: z.enum(BOUQUET_TIERS), priceWon: won }))
    .describe("W4: the sizes offered, standard first (priceWon is standard's price). Every size comes from the bouquet's one stock"),
});

export const addonResource = z.object({
  id: uuid,
  name: z.string(),
  nameKo: z.string().describe("The add-on's Korean name"),
  priceWon: won,
  stock: z.number().int().describe("Units in stock now; 0 means sold out"),
});

export const storeMenuResource = z.object({
  store: storeResource,
  bouquets: z.array(bouquetResource),
  addons: z.array(addonResource).describe("W4: what the shop sells with its bouquets (a vase, chocolates, a balloon, a larger card)"),
});

/** The public order (the same schema as every webhook's data.order), with what only the API answers. */
export const orderResource = publicOrderSchema.extend({
  number: z.string().describe("The order number every screen, ticket and message shows (W6): the id's first 8 hex digits, upper case"),
  delivery: publicOrderDeliverySchema.extend({
    sendAnonymously: z.boolean().describe("X2: the sender chose not to be named on the recipient's tracking page and text message"),
  }),
  payment: z.object({
    cardBrand: z.string(),
    cardLast4: z.string(),
    refunded: z.boolean().describe("True once the payment was refunded (after a rejection or cancellation)"),
  }),
  history: z
    .array(z.object({ status: z.enum(ORDER_STATUSES), at: timestamp, note: z.string().nullable() }))
    .describe(
      "Every status change. After a failed delivery (D4): DECORATED again when the shop booked a new slot (delivery.deliveryDate and timeSlot then show it), CANCELLED with the shop's reason when it refunded instead; DELIVERED notes who took the bouquet when a neighbour or concierge did",
    ),
  arrangement: z
    .object({
      status: z.enum(["AWAITING", "CHANGE_REQUESTED", "APPROVED", "WITHDRAWN"]),
      round: z.number().int().describe("1 for the first photo, 2 for the one after the sender's change request"),
      substitutions: z.string().nullable().describe("What the florist substituted (e.g. peony → garden rose)"),
      changeNote: z.string().nullable().describe("The sender's one change request"),
      approvalDueAt: timestamp.nullable().describe("While AWAITING: the sender may answer until then; silence approves"),
      approvedBy: z.enum(["sender", "timeout"]).nullable(),
      approvedAt: timestamp.nullable(),
      steps: z
        .array(
          z.object({
            type: z.enum(["ArrangementPhotoSubmitted", "ArrangementChangeRequested", "ArrangementApproved"]),
            at: timestamp,
            round: z.number().int(),
            substitutions: z.string().nullable().optional(),
            dueAt: timestamp.optional(),
            note: z.string().optional(),
            by: z.enum(["sender", "timeout"]).optional(),
          }),
        )
        .describe("Every step of the photo approval, oldest first"),
    })
    .nullable()
    .optional()
    .describe("W1, in GET /orders/{orderId} only: the photo of the arranged bouquet the sender approves before dispatch (null when the shop sent none)"),
});
export type OrderResource = z.infer<typeof orderResource>;

// OAuth2 (RFC 6749 §4.4, RFC 7517)
export const tokenRequestSchema = z.object({
  grant_type: z.literal("client_credentials"),
  client_id: textField({ min: 1, max: 100 }).optional().describe("Or send the credentials with HTTP Basic"),
  // A secret is compared as sent: refused when it cannot be text, never normalised or trimmed.
  client_secret: z.string().min(1).max(200).refine(isPlainLine, TEXT_REFUSED).optional(),
  scope: textField({ max: 200 }).optional().describe("Space-separated; default: every scope granted to the client"),
});

export const tokenResponseSchema = z.object({
  access_token: z.string().describe("A JWT (ES256); send it as Authorization: Bearer <token>"),
  token_type: z.literal("Bearer"),
  expires_in: z.number().int().describe("Seconds until the token expires"),
  scope: z.string(),
});

export const OAUTH_ERRORS = ["invalid_request", "invalid_client", "unsupported_grant_type", "invalid_scope", "rate_limited", "server_error"] as const;
export const oauthErrorSchema = z.object({ error: z.enum(OAUTH_ERRORS), error_description: z.string() });

export const jwksSchema = z.object({
  keys: z.array(
    z.object({ kty: z.literal("EC"), crv: z.literal("P-256"), x: z.string(), y: z.string(), kid: z.string(), alg: z.literal("ES256"), use: z.literal("sig") }),
  ),
});
