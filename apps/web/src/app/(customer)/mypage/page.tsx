import type { Metadata } from "next";
import { MyPageOrders } from "./mypage-orders";

export const metadata: Metadata = { title: "My page" };

export default function MyPage() {
  return <MyPageOrders />;
}
