// Fault injection into the sandbox card processor at run time, for the benchmark's payment-outage
// and slow-processor scenarios: `POST /api/sandbox {"outageSeconds": 10}` fails every charge for
// 10 s; `{"latencyMs": "400-620"}` changes the processor's latency. Off in production unless
// SANDBOX_CONTROL=on (the sandbox is the only simulated party; a real processor has no such door).
// Like a real processor's test mode, the setting is global: it is broadcast over Redis to every web
// process (WEB_CONCURRENCY > 1, several hosts), and answered once this process has applied it.
import { parseLatency } from "@bloom/domain";
import { z } from "zod";
import { env } from "~/env";
import { broadcastSandboxConfig, services } from "~/server/services";

export const dynamic = "force-dynamic";

const command = z.object({
  outageSeconds: z.number().min(0).max(600).optional(),
  latencyMs: z.string().regex(/^\d+(-\d+)?$/, 'e.g. "0" or "400-620"').optional(),
});

function state() {
  const { config } = services().sandbox;
  return { latency: config.latency, outageUntil: config.outageUntil ?? null, now: Date.now(), pid: process.pid };
}

export async function GET() {
  if (!env.sandboxControl) return new Response("Not found", { status: 404 });
  return Response.json(state());
}

export async function POST(req: Request) {
  if (!env.sandboxControl) return new Response("Not found", { status: 404 });
  const parsed = command.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "invalid" }, { status: 400 });
  const { config } = services().sandbox;
  await broadcastSandboxConfig({
    ...(parsed.data.outageSeconds !== undefined ? { outageUntil: Date.now() + parsed.data.outageSeconds * 1000 } : {}),
    ...(parsed.data.latencyMs !== undefined ? { latency: parseLatency(parsed.data.latencyMs) } : {}),
  });
  services().log.warn({ sandbox: state(), outageUntil: config.outageUntil }, "sandbox processor reconfigured (fault injection)");
  return Response.json(state());
}
