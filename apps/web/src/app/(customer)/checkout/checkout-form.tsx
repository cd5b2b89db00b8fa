"use client";
// The checkout form (F1, F2): recipient, delivery, card message and payment, checked with
// placeOrderSchema, the same schema the server applies. One idempotency key stands for one
// attempt to place this order, so a double click or a retry after a lost answer never orders
// twice. Once the server has refused, no order exists under that key (and a failed charge was
// voided under it), so the next attempt gets a fresh key.
import { GIFT_MESSAGE_MAX, NOTE_MAX, placeOrderSchema, slotStillOpen, TIME_SLOTS, todayInSeoul, type TimeSlot } from "@bloom/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { Alert } from "~/components/alert";
import { Button } from "~/components/button";
import { Field, FieldGroup, TextAreaField } from "~/components/field";
import { Money } from "~/components/money";
import { clearCart, type Cart } from "~/lib/cart";
import { fieldErrorsOf, focusFirstInvalid, type FieldErrors } from "~/lib/form-errors";
import { formatSlot } from "~/lib/format";
import { newIdempotencyKey } from "~/lib/idempotency-key";
import { readError, type ClientError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import { CardFields, type CardForm } from "./card-fields";
import { GiftMessageCounter } from "./gift-message-counter";
import { PlaceOrderError } from "./place-order-error";

type DeliveryForm = {
  recipientName: string;
  recipientPhone: string;
  address: string;
  deliveryDate: string;
  timeSlot: TimeSlot | "";
  giftMessage: string;
  note: string;
};

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const slotOpen = (date: string, slot: TimeSlot) => !DATE_RE.test(date) || slotStillOpen(date, slot);

/** Today in Seoul, or tomorrow once today's last slot has passed. */
function firstBookableDate(): string {
  const today = todayInSeoul();
  return TIME_SLOTS.some((s) => slotStillOpen(today, s)) ? today : todayInSeoul(new Date(Date.now() + 86_400_000));
}

export function CheckoutForm({
  cart,
  totalWon,
  cartHasProblem,
  onPlaced,
}: {
  cart: Cart;
  totalWon: number;
  cartHasProblem: boolean;
  onPlaced: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const place = useMutation(trpc.order.place.mutationOptions());

  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [today] = useState(todayInSeoul);
  const [delivery, setDelivery] = useState<DeliveryForm>(() => ({
    recipientName: "",
    recipientPhone: "",
    address: "",
    deliveryDate: firstBookableDate(),
    timeSlot: "",
    giftMessage: "",
    note: "",
  }));
  const [card, setCard] = useState<CardForm>({ number: "", expiry: "", cvc: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<ClientError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  function inputOf(d: DeliveryForm, c: CardForm) {
    return {
      storeId: cart.storeId,
      items: cart.lines.map((l) => ({ bouquetId: l.bouquetId, quantity: l.quantity })),
      delivery: {
        recipientName: d.recipientName,
        recipientPhone: d.recipientPhone,
        address: d.address,
        deliveryDate: d.deliveryDate,
        timeSlot: d.timeSlot,
        giftMessage: d.giftMessage.trim() || undefined,
        note: d.note.trim() || undefined,
      },
      card: c,
      idempotencyKey,
    };
  }

  function validate(d: DeliveryForm, c: CardForm) {
    const parsed = placeOrderSchema.safeParse(inputOf(d, c));
    setErrors(parsed.success ? {} : fieldErrorsOf(parsed.error));
    return parsed;
  }

  function updateDelivery(patch: Partial<DeliveryForm>) {
    const next = { ...delivery, ...patch };
    // A slot that has already passed on the newly chosen day cannot stay selected.
    if (next.timeSlot && !slotOpen(next.deliveryDate, next.timeSlot)) next.timeSlot = "";
    setDelivery(next);
    if (submitted) validate(next, card);
  }

  function updateCard(patch: Partial<CardForm>) {
    const next = { ...card, ...patch };
    setCard(next);
    if (submitted) validate(delivery, next);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (place.isPending) return;
    setSubmitted(true);
    setServerError(null);
    const parsed = validate(delivery, card);
    if (!parsed.success) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    try {
      const order = await place.mutateAsync(parsed.data);
      queryClient.setQueryData(trpc.order.get.queryKey({ orderId: order.id }), order);
      void queryClient.invalidateQueries({ queryKey: trpc.order.list.pathKey() });
      // Show "order placed" before the cart empties, so the empty-cart screen never flashes.
      flushSync(onPlaced);
      clearCart();
      router.push(`/orders/${order.id}`);
    } catch (err) {
      const error = readError(err);
      if (error.answered) setIdempotencyKey(newIdempotencyKey());
      setServerError(error);
      requestAnimationFrame(() => errorRef.current?.scrollIntoView({ block: "center", behavior: "smooth" }));
    }
  }

  const formLevelError = errors.items ?? errors.storeId ?? errors.idempotencyKey ?? errors._form;
  const hasFieldErrors = submitted && Object.keys(errors).length > 0;
  const allPassedToday = delivery.deliveryDate === today && TIME_SLOTS.every((s) => !slotStillOpen(today, s));

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Delivery and payment">
      <section className="panel" aria-labelledby="recipient-title">
        <h2 id="recipient-title" className="panel__title">
          Recipient
        </h2>
        <div className="form-row form-row--2">
          <Field
            id="recipient-name"
            label="Recipient name"
            autoComplete="shipping name"
            value={delivery.recipientName}
            onChange={(e) => updateDelivery({ recipientName: e.target.value })}
            error={errors["delivery.recipientName"]}
            required
          />
          <Field
            id="recipient-phone"
            label="Recipient phone"
            type="tel"
            inputMode="tel"
            autoComplete="shipping tel"
            placeholder="010-1234-5678"
            value={delivery.recipientPhone}
            onChange={(e) => updateDelivery({ recipientPhone: e.target.value })}
            error={errors["delivery.recipientPhone"]}
            hint="The rider calls this number if needed."
            required
          />
        </div>
      </section>

      <section className="panel" aria-labelledby="delivery-title">
        <h2 id="delivery-title" className="panel__title">
          Delivery
        </h2>
        <div className="form">
          <Field
            id="delivery-address"
            label="Delivery address"
            autoComplete="shipping street-address"
            placeholder="e.g. 12 Seoulsup 2-gil, Seongdong-gu, Seoul, 3rd floor"
            value={delivery.address}
            onChange={(e) => updateDelivery({ address: e.target.value })}
            error={errors["delivery.address"]}
            required
          />
          <Field
            id="delivery-date"
            label="Delivery date"
            type="date"
            min={today}
            value={delivery.deliveryDate}
            onChange={(e) => updateDelivery({ deliveryDate: e.target.value })}
            error={errors["delivery.deliveryDate"]}
            hint={allPassedToday ? "Today's delivery slots are over — please pick another day." : undefined}
            required
          />
          <FieldGroup legend="Time slot" error={errors["delivery.timeSlot"]}>
            <div className="choice-grid">
              {TIME_SLOTS.map((slot) => {
                const open = slotOpen(delivery.deliveryDate, slot);
                return (
                  <label key={slot} className="choice">
                    <input
                      type="radio"
                      name="timeSlot"
                      value={slot}
                      checked={delivery.timeSlot === slot}
                      disabled={!open}
                      onChange={() => updateDelivery({ timeSlot: slot })}
                    />
                    {formatSlot(slot)}
                    {!open && <span className="visually-hidden"> (already passed today)</span>}
                  </label>
                );
              })}
            </div>
          </FieldGroup>
        </div>
      </section>

      <section className="panel" aria-labelledby="card-message-title">
        <h2 id="card-message-title" className="panel__title">
          Message
        </h2>
        <div className="form">
          <TextAreaField
            id="gift-message"
            label="Gift card message"
            rows={3}
            placeholder="Happy birthday! With love, Minji"
            value={delivery.giftMessage}
            onChange={(e) => updateDelivery({ giftMessage: e.target.value })}
            error={errors["delivery.giftMessage"]}
            hint={<GiftMessageCounter length={delivery.giftMessage.trim().length} max={GIFT_MESSAGE_MAX} />}
          />
          <TextAreaField
            id="florist-note"
            label="Note to the florist"
            rows={2}
            placeholder="e.g. No lilies please, allergies"
            value={delivery.note}
            onChange={(e) => updateDelivery({ note: e.target.value })}
            error={errors["delivery.note"]}
            hint={`Optional. Only the shop sees this, up to ${NOTE_MAX} characters.`}
          />
        </div>
      </section>

      <section className="panel" aria-labelledby="payment-title">
        <h2 id="payment-title" className="panel__title">
          Payment
        </h2>
        <div className="form">
          <CardFields value={card} onChange={updateCard} errors={errors} />
        </div>
      </section>

      <div className="pay-bar">
        {formLevelError && <Alert>{formLevelError}</Alert>}
        {hasFieldErrors && !formLevelError && (
          <Alert tone="warning">Some details need your attention — see the highlighted fields.</Alert>
        )}
        {cartHasProblem && (
          <Alert tone="warning">Some bouquets in your cart are short of stock. Please edit your cart before paying.</Alert>
        )}
        {serverError && (
          <div ref={errorRef}>
            <PlaceOrderError error={serverError} storeId={cart.storeId} />
          </div>
        )}
        <div className="summary-total" style={{ marginTop: 0 }}>
          <span>Total to pay</span>
          <strong>
            <Money won={totalWon} />
          </strong>
        </div>
        <Button type="submit" size="lg" block pending={place.isPending} pendingText="Paying…">
          Pay and place order
        </Button>
        <p className="small muted" style={{ margin: 0, textAlign: "center" }}>
          Your card is charged now. You can cancel until the delivery starts, and you get a full refund.
        </p>
      </div>
    </form>
  );
}
