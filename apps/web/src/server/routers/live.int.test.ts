// B1: live changes flow worker → Redis pub/sub → the web's SSE subscription, and each user
// receives only their own (real PostgreSQL, Redis and worker).
import { closeDbs } from "@bloom/db";
import type { Role } from "@bloom/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetOrders } from "../../../../../test/support/app";
import { checkout, CUSTOMER, CUSTOMER2, OWNER, OWNER2, RIDER } from "../../../../../test/support/fixtures";
import { waitFor } from "../../../../../test/support/wait";
import { inProcessWorker, uniquePrefix } from "../../../../../test/support/worker";
import { services } from "../services";
import { createCaller } from "./_app";

const svc = services();
const as = (u: { id: string; email: string; name: string }, role: Role) =>
  createCaller({ ...svc, session: { user: { ...u, role }, expires: new Date(Date.now() + 3600_000).toISOString() } });

type Msg = { kind: string; orderId?: string; type?: string };

async function listen(caller: ReturnType<typeof as>, signal: AbortSignal) {
  const got: Msg[] = [];
  // The server-side caller takes the abort signal at run time though its type omits it.
  const subscribe = caller.live.changes as unknown as (input: undefined, opts: { signal: AbortSignal }) => Promise<AsyncIterable<Msg>>;
  const stream = await subscribe(undefined, { signal });
  void (async () => {
    try {
      for await (const m of stream) got.push(m);
    } catch {
      /* aborted */
    }
  })();
  await waitFor(async () => got.length, (n) => n > 0, { what: "connected" });
  return got;
}

let worker: Awaited<ReturnType<typeof inProcessWorker>>;
beforeAll(async () => {
  await resetOrders(svc.db);
  worker = await inProcessWorker(uniquePrefix("live"));
});
afterAll(async () => {
  await worker.stop();
  await closeDbs();
});

describe("live updates", () => {
  it("[B1] each user receives only their own changes, pushed as they happen", async () => {
    const abort = new AbortController();
    try {
      const customer = as(CUSTOMER, "CUSTOMER");
      const [mine, other, owner, owner2, rider] = await Promise.all([
        listen(customer, abort.signal),
        listen(as(CUSTOMER2, "CUSTOMER"), abort.signal),
        listen(as(OWNER, "OWNER"), abort.signal),
        listen(as(OWNER2, "OWNER"), abort.signal),
        listen(as(RIDER, "RIDER"), abort.signal),
      ]);
      const t0 = Date.now();
      const order = await customer.order.place(checkout());
      const changes = (got: Msg[]) => got.filter((m) => m.kind === "change" && m.orderId === order.id);
      await waitFor(async () => changes(mine).length, (n) => n > 0, { what: "customer hears their order" });
      const latency = Date.now() - t0;
      await waitFor(async () => changes(owner).length, (n) => n > 0, { what: "owner hears the new order" });
      await new Promise((r) => setTimeout(r, 300));
      expect(changes(other)).toEqual([]);
      expect(changes(owner2)).toEqual([]);
      expect(changes(rider)).toEqual([]); // nothing for riders until the bouquet is ready
      expect(latency).toBeLessThan(5000); // generous bound for a loaded CI machine; the benchmark measures it

      const ownerCaller = as(OWNER, "OWNER");
      await waitFor(() => svc.db.storeOrder.count({ where: { orderId: order.id } }), (n) => n === 1);
      await ownerCaller.store.accept({ orderId: order.id });
      await ownerCaller.store.completeDecoration({ orderId: order.id });
      await waitFor(async () => changes(rider).length, (n) => n > 0, { what: "riders hear the open request" });
      expect(changes(other)).toEqual([]);
    } finally {
      abort.abort();
    }
  });
});
