"use client";
// The proof at the door on the order page (D5), once the order is delivered.
import { useQuery } from "@tanstack/react-query";
import { DoorProof } from "~/components/door-proof";
import { useTRPC } from "~/trpc/react";

export function OrderDoorProof({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const proof = useQuery(trpc.mypage.doorProof.queryOptions({ orderId }));
  if (!proof.data) return null;
  return (
    <div className="mt-4">
      <DoorProof orderId={orderId} proof={proof.data} />
    </div>
  );
}
