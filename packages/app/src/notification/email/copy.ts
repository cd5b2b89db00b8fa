// The sender's emails in Korean and English (X1): one subject, heading and lead per kind, and the
// words the order summary shares. `{name}` placeholders are filled (escaped in HTML) by render.ts.
import type { EmailKind, MessageLanguage } from "@bloom/domain";

export type KindCopy = { subject: string; heading: string; lead: string };
export type EmailCopy = {
  kinds: Record<EmailKind, KindCopy>;
  leftWith: string;
  proofNote: string;
  photoAlt: string;
  photoMissing: string;
  /** W1: the florist's substitutions, and until when the sender may answer the photo. */
  substitutions: string;
  answerBy: string;
  arrangementPhotoAlt: string;
  redeliveryFee: string;
  refundLine: string;
  giftMessage: string;
  summary: string;
  store: string;
  recipient: string;
  address: string;
  slot: string;
  items: string;
  deliveryFee: string;
  total: string;
  paidWith: string;
  viewOrder: string;
  settings: string;
  why: string;
  rejectReasons: Record<"OUT_OF_FLOWERS" | "OUT_OF_MATERIALS" | "OTHER", string>;
  attemptReasons: Record<"NOBODY_HOME" | "ADDRESS_NOT_FOUND" | "REFUSED" | "NO_ACCESS" | "OTHER", string>;
  card: string;
};

const en: EmailCopy = {
  kinds: {
    receipt: {
      subject: "Your order from {store} is placed",
      heading: "Thank you — your order is placed",
      lead: "{store} has your order for {recipient}. We will email you at each step.",
    },
    accepted: {
      subject: "{store} accepted your order",
      heading: "Your order is accepted",
      lead: "{store} will arrange your bouquet for {slot}.",
    },
    arrangement_photo: {
      subject: "A photo of your bouquet from {store}",
      heading: "Your bouquet is arranged",
      lead: "{store} arranged your bouquet. Look at the photo and approve it on your order page.",
    },
    out_for_delivery: {
      subject: "Your bouquet is on its way",
      heading: "On its way",
      lead: "{rider} picked up your bouquet at {store} and is taking it to {recipient}.",
    },
    delivered: {
      subject: "Your bouquet was delivered to {recipient}",
      heading: "Delivered",
      lead: "{recipient} has your bouquet from {store}.",
    },
    attempted: {
      subject: "We could not deliver your bouquet",
      heading: "Delivery attempt failed",
      lead: "The rider could not deliver your bouquet ({reason}). It goes back to {store}, which will set a new time or refund you.",
    },
    rescheduled: {
      subject: "New delivery time: {slot}",
      heading: "A new delivery time",
      lead: "{store} will deliver your bouquet again on {slot}.",
    },
    rejected: {
      subject: "{store} could not take your order",
      heading: "Your order was declined",
      lead: "{store} could not take your order ({reason}).",
    },
    cancelled: {
      subject: "Your order from {store} is cancelled",
      heading: "Order cancelled",
      lead: "Your order from {store} for {recipient} is cancelled.",
    },
    undeliverable: {
      subject: "Your order from {store} could not be delivered",
      heading: "Not delivered",
      lead: "{store} could not deliver your bouquet and ended the order.",
    },
    refunded: {
      subject: "{amount} refunded",
      heading: "Your refund is done",
      lead: "{amount} was refunded to your {card}. It may take a few days to show on your statement.",
    },
  },
  leftWith: "Left with {name}.",
  proofNote: "The rider's note: {note}",
  photoAlt: "Photo of the bouquet at the door",
  photoMissing: "The rider took a photo at the door; you can see it on your order page.",
  substitutions: "Substitutions: {text}",
  arrangementPhotoAlt: "Photo of your arranged bouquet",
  answerBy: "Approve it or ask for one change by {time}. If you do not answer, the bouquet goes out as it is.",
  redeliveryFee: "Redelivery fee recorded by the shop: {fee}",
  refundLine: "{amount} will be refunded to your {card}.",
  giftMessage: "Card message",
  summary: "Your order",
  store: "Shop",
  recipient: "Recipient",
  address: "Address",
  slot: "Delivery",
  items: "Bouquets",
  deliveryFee: "Delivery fee",
  total: "Total",
  paidWith: "Paid with",
  viewOrder: "View your order",
  settings: "Choose which emails you get",
  why: "You receive this email because you ordered on Bloom.",
  rejectReasons: {
    OUT_OF_FLOWERS: "out of flowers",
    OUT_OF_MATERIALS: "out of materials",
    OTHER: "other reason",
  },
  attemptReasons: {
    NOBODY_HOME: "nobody home",
    ADDRESS_NOT_FOUND: "address not found",
    REFUSED: "the recipient refused it",
    NO_ACCESS: "no access to the building",
    OTHER: "other reason",
  },
  card: "{brand} card ending in {last4}",
};

const ko: EmailCopy = {
  kinds: {
    receipt: {
      subject: "{store} 주문이 접수되었습니다",
      heading: "주문해 주셔서 감사합니다",
      lead: "{store}에서 {recipient}님께 보낼 주문을 받았습니다. 단계마다 이메일로 알려 드릴게요.",
    },
    accepted: {
      subject: "{store}에서 주문을 수락했습니다",
      heading: "주문이 수락되었습니다",
      lead: "{store}에서 {slot} 배송에 맞춰 꽃다발을 준비합니다.",
    },
    arrangement_photo: {
      subject: "{store}에서 꽃다발 사진을 보냈습니다",
      heading: "꽃다발이 완성되었습니다",
      lead: "{store}에서 꽃다발을 완성했습니다. 주문 페이지에서 사진을 보고 승인해 주세요.",
    },
    out_for_delivery: {
      subject: "꽃다발이 배송 중입니다",
      heading: "배송 중",
      lead: "{rider} 라이더가 {store}에서 꽃다발을 받아 {recipient}님께 가고 있습니다.",
    },
    delivered: {
      subject: "{recipient}님께 꽃다발이 배달되었습니다",
      heading: "배달 완료",
      lead: "{store}의 꽃다발이 {recipient}님께 전달되었습니다.",
    },
    attempted: {
      subject: "꽃다발을 배달하지 못했습니다",
      heading: "배달 시도 실패",
      lead: "라이더가 꽃다발을 배달하지 못했습니다({reason}). 꽃다발은 {store}(으)로 돌아가며, 매장에서 새 배송 시간을 정하거나 환불해 드립니다.",
    },
    rescheduled: {
      subject: "새 배송 시간: {slot}",
      heading: "배송 시간이 다시 정해졌습니다",
      lead: "{store}에서 {slot}에 다시 배달합니다.",
    },
    rejected: {
      subject: "{store}에서 주문을 받을 수 없습니다",
      heading: "주문이 거절되었습니다",
      lead: "{store}에서 주문을 받을 수 없습니다({reason}).",
    },
    cancelled: {
      subject: "{store} 주문이 취소되었습니다",
      heading: "주문 취소",
      lead: "{recipient}님께 보낼 {store} 주문이 취소되었습니다.",
    },
    undeliverable: {
      subject: "{store} 주문을 배달하지 못했습니다",
      heading: "배달되지 않음",
      lead: "{store}에서 꽃다발을 배달하지 못해 주문을 종료했습니다.",
    },
    refunded: {
      subject: "{amount} 환불 완료",
      heading: "환불이 완료되었습니다",
      lead: "{card}(으)로 {amount}이(가) 환불되었습니다. 카드 명세서에 반영되기까지 며칠 걸릴 수 있습니다.",
    },
  },
  leftWith: "{name}님께 맡겼습니다.",
  proofNote: "라이더 메모: {note}",
  photoAlt: "문 앞에 놓인 꽃다발 사진",
  photoMissing: "라이더가 문 앞 사진을 남겼습니다. 주문 페이지에서 볼 수 있습니다.",
  substitutions: "대체한 꽃: {text}",
  arrangementPhotoAlt: "완성된 꽃다발 사진",
  answerBy: "{time}까지 승인하거나 한 번 수정을 요청할 수 있습니다. 답이 없으면 지금 모습 그대로 배송됩니다.",
  redeliveryFee: "매장이 기록한 재배송비: {fee}",
  refundLine: "{card}(으)로 {amount}이(가) 환불됩니다.",
  giftMessage: "카드 메시지",
  summary: "주문 내용",
  store: "매장",
  recipient: "받는 분",
  address: "주소",
  slot: "배송",
  items: "꽃다발",
  deliveryFee: "배송비",
  total: "합계",
  paidWith: "결제 수단",
  viewOrder: "주문 보기",
  settings: "받을 이메일 설정",
  why: "Bloom에서 주문하셔서 이 이메일을 보내 드립니다.",
  rejectReasons: {
    OUT_OF_FLOWERS: "꽃 재고 부족",
    OUT_OF_MATERIALS: "포장 재료 부족",
    OTHER: "기타 사유",
  },
  attemptReasons: {
    NOBODY_HOME: "부재중",
    ADDRESS_NOT_FOUND: "주소를 찾을 수 없음",
    REFUSED: "수령 거부",
    NO_ACCESS: "건물 출입 불가",
    OTHER: "기타 사유",
  },
  card: "{brand} 카드(끝자리 {last4})",
};

export const EMAIL_COPY: Record<MessageLanguage, EmailCopy> = { en, ko };
