import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyPageOrders } from "./mypage-orders";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("mypage");
  return { title: t("title") };
}

export default function MyPage() {
  return <MyPageOrders />;
}
