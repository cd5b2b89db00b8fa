"use client";
// The checkout form (F1, F2): recipient, delivery, card message and payment, checked with
// placeOrderSchema, the same schema the server applies. One idempotency key stands for one
// attempt to place this order, so a double click or a retry after a lost answer never orders
// twice. Once the server has refused, no order exists under that key (and a failed charge was
// voided under it), so the next attempt gets a fresh key.
// Built for a phone: compact sections, and the total with the pay button stuck to the bottom of
// the screen, so the next step is always in reach.
import {
  addDays,
  BOOKING_HORIZON_MAX_DAYS,
  GIFT_MESSAGE_MAX,
  NOTE_MAX,
  slotStillOpen,
  textLength,
  TIME_SLOTS,
  todayInSeoul,
  type TimeSlot,
} from "@bloom/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ChevronDown, Lock } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { Money } from "~/components/money";
import { markJustPlaced } from "~/lib/just-placed";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field, FieldError, TextAreaField } from "~/components/ui/field";
import { RadioCards } from "~/components/ui/radio-cards";
import { clearCart, type Cart } from "~/lib/cart";
import { focusFirstInvalid, useFieldErrors, type FieldErrors } from "~/lib/form-errors";
import { useFormat } from "~/lib/format";
import { newIdempotencyKey } from "~/lib/idempotency-key";
import { lazyModule } from "~/lib/lazy-module";
import { readError, type ClientError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import { CardFields, type CardForm } from "./card-fields";
import { useDeliveryQuote } from "./delivery-quote";
import { GiftMessageCounter } from "./gift-message-counter";
import { PlaceOrderError } from "./place-order-error";
import { useDeliverySlots } from "./use-delivery-slots";

type DeliveryForm = {
  recipientName: string;
  recipientPhone: string;
  address: string;
  deliveryDate: string;
  timeSlot: TimeSlot | "";
  giftMessage: string;
  note: string;
  sendAnonymously: boolean;
};

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const slotOpen = (date: string, slot: TimeSlot) => !DATE_RE.test(date) || slotStillOpen(date, slot);

/** Today in Seoul, or tomorrow once today's last slot has passed. */
function firstBookableDate(): string {
  const today = todayInSeoul();
  return TIME_SLOTS.some((s) => slotStillOpen(today, s)) ? today : todayInSeoul(new Date(Date.now() + 86_400_000));
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="grid gap-3 rounded-3xl border border-line bg-surface p-3.5 shadow-card sm:p-5">
      <h2 id={id} className="m-0 text-base font-bold sm:text-lg">
        {title}
      </h2>
      {children}
    </section>
  );
}


/** placeOrderSchema (zod), fetched when the form is first touched: see lazy-module. */
const checkoutSchemas = lazyModule(() => import("@bloom/domain/checkout"));
export function CheckoutForm({
  cart,
  totalWon,
  cartHasProblem,
  onPlaced,
  onDeliveryFee,
}: {
  cart: Cart;
  totalWon: number;
  cartHasProblem: boolean;
  onPlaced: () => void;
  onDeliveryFee?: (feeWon: number | null) => void;
}) {
  const t = useTranslations("checkout");
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const fieldErrorsOf = useFieldErrors();
  const place = useMutation(trpc.order.place.mutationOptions());
  const slotLegendId = useId();
  const slotErrorId = useId();

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
    sendAnonymously: false,
  }));
  const [card, setCard] = useState<CardForm>({ number: "", expiry: "", cvc: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  // D2: slots the shop can still take, and why the others not; the first free day by default.
  const ts = useTranslations("schedule");
  const slots = useDeliverySlots(cart.storeId, delivery.deliveryDate);
  const [dateTouched, setDateTouched] = useState(false);
  const bookable = (slot: TimeSlot) => slotOpen(delivery.deliveryDate, slot) && (slots.slotOf(slot)?.bookable ?? true);
  useEffect(() => {
    if (!dateTouched && slots.firstBookable && slots.firstBookable !== delivery.deliveryDate) {
      setDelivery((d) => ({ ...d, deliveryDate: slots.firstBookable!, timeSlot: "" }));
    }
  }, [dateTouched, slots.firstBookable, delivery.deliveryDate]);
  const dayProblem = !slots.day ? null : slots.day.closed ? (slots.day.closureNote ? ts("checkout.closedDayNote", { note: slots.day.closureNote }) : ts("checkout.closedDay")) : slots.day.slots.every((s) => !s.bookable) ? ts("checkout.noSlots") : null;
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<ClientError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  // D1: the delivery fee (or the zone's refusal, by the address field) follows the address.
  const zone = useDeliveryQuote(cart.storeId, delivery.address, totalWon);
  useEffect(() => onDeliveryFee?.(zone.feeWon), [zone.feeWon, onDeliveryFee]);

  function inputOf(d: DeliveryForm, c: CardForm) {
    return {
      storeId: cart.storeId,
      items: cart.lines.map((l) => ({ bouquetId: l.bouquetId, quantity: l.quantity, ...(l.tier && { tier: l.tier }) })),
      // W4: the add-ons by id and quantity only: the server prices them.
      ...(cart.addons?.length && { addons: cart.addons.map((a) => ({ addonId: a.addonId, quantity: a.quantity })) }),
      delivery: {
        recipientName: d.recipientName,
        recipientPhone: d.recipientPhone,
        address: d.address,
        deliveryDate: d.deliveryDate,
        timeSlot: d.timeSlot,
        giftMessage: d.giftMessage.trim() || undefined,
        note: d.note.trim() || undefined,
        ...(d.sendAnonymously ? { sendAnonymously: true } : {}),
      },
      card: c,
      idempotencyKey,
    };
  }

  // Called once the schema is loaded: on submit (which waits for it), then on every change.
  function validate(d: DeliveryForm, c: CardForm) {
    const input = inputOf(d, c);
    const schemas = checkoutSchemas.current;
    if (!schemas) return { success: false as const };
    const parsed = schemas.placeOrderSchema.safeParse(input);
    const found = parsed.success ? {} : fieldErrorsOf(parsed.error, input);
    // A closed day cannot be ordered into (D2): said on the date, before anything is sent.
    if (dayProblem && d.deliveryDate === delivery.deliveryDate && !found["delivery.deliveryDate"]) found["delivery.deliveryDate"] = dayProblem;
    setErrors(found);
    return Object.keys(found).length ? { ...parsed, success: false as const } : parsed;
  }

  function updateDelivery(patch: Partial<DeliveryForm>) {
    const next = { ...delivery, ...patch };
    // A slot that has already passed on the newly chosen day cannot stay selected.
    if (next.timeSlot && !slotOpen(next.deliveryDate, next.timeSlot)) next.timeSlot = "";
    if (next.deliveryDate !== delivery.deliveryDate) next.timeSlot = "";
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
    try {
      await checkoutSchemas.load();
    } catch (err) {
      setServerError(readError(err));
      return;
    }
    const parsed = validate(delivery, card);
    if (!parsed.success || zone.refusal) {
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
      markJustPlaced(order.id);
      router.push(`/orders/${order.id}`);
    } catch (err) {
      const error = readError(err);
      if (error.answered) setIdempotencyKey(newIdempotencyKey());
      // The slot filled up or closed meanwhile: show the slots as they are now.
      if (error.domainCode?.startsWith("SLOT_")) void queryClient.invalidateQueries({ queryKey: trpc.schedule.slots.pathKey() });
      setServerError(error);
      requestAnimationFrame(() => errorRef.current?.scrollIntoView({ block: "center", behavior: "smooth" }));
    }
  }

  const formLevelError = errors.items ?? errors.storeId ?? errors.idempotencyKey ?? errors._form;
  const fieldErrorCount = Object.keys(errors).length;
  const allPassedToday = delivery.deliveryDate === today && TIME_SLOTS.every((s) => !slotStillOpen(today, s));
  const slotError = errors["delivery.timeSlot"];

  return (
    <form ref={formRef} className="grid gap-3 sm:gap-4" onSubmit={onSubmit} onFocusCapture={() => void checkoutSchemas.load().catch(() => {})} noValidate aria-label={t("formLabel")}>
      <Section id="delivery-title" title={t("delivery.title")}>
        <div className="grid grid-cols-2 gap-3">
          <Field
            id="recipient-name"
            label={t("recipient.name")}
            autoComplete="shipping name"
            value={delivery.recipientName}
            onChange={(e) => updateDelivery({ recipientName: e.target.value })}
            error={errors["delivery.recipientName"]}
            required
          />
          <Field
            id="recipient-phone"
            label={t("recipient.phone")}
            type="tel"
            inputMode="tel"
            autoComplete="shipping tel"
            placeholder="010-1234-5678"
            value={delivery.recipientPhone}
            onChange={(e) => updateDelivery({ recipientPhone: e.target.value })}
            error={errors["delivery.recipientPhone"]}
            required
          />
        </div>
        <Field
          id="delivery-address"
          label={t("delivery.address")}
          autoComplete="shipping street-address"
          placeholder={t("delivery.addressPlaceholder")}
          value={delivery.address}
          onChange={(e) => updateDelivery({ address: e.target.value })}
          error={errors["delivery.address"] ?? zone.refusal ?? undefined}
          required
        />
        <Field
          id="delivery-date"
          label={t("delivery.date")}
          type="date"
          min={today}
          max={addDays(today, BOOKING_HORIZON_MAX_DAYS)}
          value={delivery.deliveryDate}
          onChange={(e) => {
            setDateTouched(true);
            updateDelivery({ deliveryDate: e.target.value });
          }}
          error={errors["delivery.deliveryDate"]}
          hint={
            dayProblem && !errors["delivery.deliveryDate"]
              ? dayProblem
              : allPassedToday
                ? t("delivery.todayOver")
                : DATE_RE.test(delivery.deliveryDate)
                  ? f.deliveryDate(delivery.deliveryDate)
                  : undefined
          }
          required
        />
        <div className="grid gap-1.5">
          <span id={slotLegendId} className="text-sm font-semibold">
            {t("delivery.slot")}
          </span>
          <RadioCards
            aria-labelledby={slotLegendId}
            aria-describedby={slotError ? slotErrorId : undefined}
            aria-invalid={slotError ? true : undefined}
            aria-required
            name="timeSlot"
            value={delivery.timeSlot}
            onValueChange={(slot) => updateDelivery({ timeSlot: slot })}
            options={TIME_SLOTS.map((slot) => {
              const open = bookable(slot);
              const reason = slots.slotOf(slot)?.reason;
              const hint = open ? undefined : reason ? ts(`reason.${reason}`) : t("delivery.slotPassed");
              return { value: slot, disabled: !open, label: f.slot(slot), hint };
            })}
          />
          {slotError && <FieldError id={slotErrorId}>{slotError}</FieldError>}
        </div>
      </Section>

      <Section id="message-title" title={t("message.title")}>
        <TextAreaField
          id="gift-message"
          label={t("message.gift")}
          optionalText={t("optional")}
          rows={2}
          placeholder={t("message.giftPlaceholder")}
          value={delivery.giftMessage}
          onChange={(e) => updateDelivery({ giftMessage: e.target.value })}
          error={errors["delivery.giftMessage"]}
          // Counted as the server counts (NFC, trimmed, graphemes): an emoji is one character.
          hint={<GiftMessageCounter length={textLength(delivery.giftMessage)} max={GIFT_MESSAGE_MAX} />}
          className="[&_textarea]:min-h-16"
        />
        <details className="group" open={Boolean(errors["delivery.note"]) || undefined}>
          <summary className="flex min-h-10 cursor-pointer list-none items-center gap-1 text-sm font-semibold text-brand-700 [&::-webkit-details-marker]:hidden">
            {t("message.noteToggle")}
            <ChevronDown aria-hidden="true" className="size-4 transition-transform group-open:rotate-180" />
          </summary>
          <TextAreaField
            id="florist-note"
            className="mt-2 [&_textarea]:min-h-16"
            label={t("message.note")}
            optionalText={t("optional")}
            rows={2}
            placeholder={t("message.notePlaceholder")}
            value={delivery.note}
            onChange={(e) => updateDelivery({ note: e.target.value })}
            error={errors["delivery.note"]}
            hint={t("message.noteHint", { max: NOTE_MAX })}
          />
        </details>
        {/* X2: the recipient's tracking page and SMS then do not name the sender. */}
        <label className="flex min-h-10 items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="sendAnonymously"
            className="mt-0.5 size-5 shrink-0 accent-brand-600"
            checked={delivery.sendAnonymously}
            onChange={(e) => updateDelivery({ sendAnonymously: e.target.checked })}
            aria-describedby="send-anonymously-hint"
          />
          <span className="grid gap-0.5">
            <span className="font-semibold">{t("message.anonymous")}</span>
            <span id="send-anonymously-hint" className="text-xs text-muted">
              {t("message.anonymousHint")}
            </span>
          </span>
        </label>
      </Section>

      <Section id="payment-title" title={t("payment.title")}>
        <CardFields value={card} onChange={updateCard} errors={errors} />
        <p className="m-0 text-xs text-muted">{t("payNote")}</p>
      </Section>

      <div className="grid gap-2">
        {formLevelError && <Alert>{formLevelError}</Alert>}
        {submitted && fieldErrorCount > 0 && !formLevelError && <Alert tone="warning">{t("fixFields", { count: fieldErrorCount })}</Alert>}
        {cartHasProblem && <Alert tone="warning">{t("cartProblem")}</Alert>}
        {serverError && (
          <div ref={errorRef}>
            <PlaceOrderError error={serverError} storeId={cart.storeId} />
          </div>
        )}
      </div>

      {/* The next step stays in thumb reach: stuck to the bottom of the screen while scrolling. */}
      <div className="sticky bottom-0 z-20 -mx-4 flex items-center gap-3 border-t border-line bg-surface/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur-md sm:mx-0 sm:rounded-3xl sm:border sm:p-4 sm:shadow-lift lg:static lg:shadow-card">
        <div className="grid shrink-0 leading-tight">
          <span className="text-xs font-semibold text-muted">{t("totalToPay")}</span>
          <Money won={totalWon + (zone.feeWon ?? 0)} className="text-xl font-extrabold sm:text-2xl" />
        </div>
        {/* The label may wrap between its words on a narrow phone; the total beside it never wraps. */}
        <Button type="submit" size="lg" className="min-w-0 flex-1 shrink text-center leading-tight whitespace-normal" pending={place.isPending} pendingText={t("paying")}>
          <Lock aria-hidden="true" />
          {t("pay")}
        </Button>
      </div>
    </form>
  );
}
