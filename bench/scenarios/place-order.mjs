// Scenario 1 — place-order at 100 connections with an instant sandbox payment, and the same load
// on the authenticated no-op query (account.ping): the framework's ceiling on this machine.
import { checkoutBody } from "../lib/http.mjs";
import { load, statusCounts, summarize } from "../lib/load.mjs";

export async function placeOrderScenario(ctx, { connections = 100, duration = 30, meter = async () => ({ stop: async () => null }) } = {}) {
  const { base, customerCookies, catalog } = ctx;
  let n = 0;
  const body = () => checkoutBody(catalog[n++ % catalog.length]);

  ctx.log(`ceiling: GET account.ping, ${connections} connections, ${duration} s`);
  let m = await meter();
  const ping = await load({ base, path: "/api/trpc/account.ping", cookies: customerCookies, connections, duration });
  const pingCpu = await m.stop();
  ctx.log(`place-order: POST order.place, ${connections} connections, ${duration} s`);
  const orderWindow = { from: new Date() };
  m = await meter();
  const orders = await load({ base, method: "POST", path: "/api/trpc/order.place", cookies: customerCookies, body, connections, duration });
  const orderCpu = await m.stop();
  orderWindow.to = new Date();

  const ok = (s) => s >= 200 && s < 300;
  const ceiling = summarize(ping, ok);
  const placed = summarize(orders, ok);
  const all = summarize(orders);
  const errors = all.count - placed.count + [...orders.errors.values()].reduce((a, b) => a + b, 0);
  // CPU per answered request in each phase: where an order's cost goes beyond the framework's.
  const perRequest = (cpu, count) => (cpu ? Object.fromEntries(Object.entries(cpu.cpuSec).map(([k, v]) => [k, (1000 * v) / Math.max(1, count)])) : null);
  return {
    cpu: { ping: pingCpu, orders: orderCpu },
    cpuMsPerRequest: { ping: perRequest(pingCpu, ping.samples.ms.length), order: perRequest(orderCpu, orders.samples.ms.length) },
    answered: { ping: ping.samples.ms.length, order: orders.samples.ms.length },
    window: orderWindow,
    rows: [
      row("1 place-order", placed, statusCounts(orders), all),
      row("1 ceiling (account.ping)", ceiling, statusCounts(ping), summarize(ping)),
    ],
    json: {
      ordersPerSec: placed.perSec,
      ceilingPerSec: ceiling.perSec,
      ratio: placed.perSec / ceiling.perSec,
      p50Ms: all.p50Ms,
      p95Ms: all.p95Ms,
      p99Ms: all.p99Ms,
      errors,
      connections,
      durationSec: duration,
      statuses: statusCounts(orders),
      ceiling: { p50Ms: ceiling.p50Ms, p95Ms: ceiling.p95Ms, p99Ms: ceiling.p99Ms, statuses: statusCounts(ping) },
    },
    series: { placeOrder: orders, ceiling: ping },
  };
}

export function row(name, ok, statuses, all = ok) {
  return { name, perSec: ok.perSec, p50Ms: all.p50Ms, p95Ms: all.p95Ms, p99Ms: all.p99Ms, count: all.count, statuses };
}
