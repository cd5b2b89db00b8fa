// Fault injection into the sandbox card processor at run time, for the benchmark's payment-outage
// and slow-processor scenarios: `POST /api/sandbox {"outageSeconds": 10}` fails every charge for
// 10 s; `{"latencyMs": "400-620"}` changes the processor's latency. Off in production unless
// SANDBOX_CONTROL=on (the sandbox is the only simulated party; a real processor has no such door).
// The processor is a process of its own: this forwards to its test-mode API
// (`/v1/sandbox/config`), so the setting is global by nature — every web process, every worker
// and every host talk to the same processor.
import { z } from "zod";
import { env } from "~/env";
import { services } from "~/server/services";

export const dynamic = "force-dynamic";

const command = z.object({
  outageSeconds: z.number().min(0).max(600).optional(),
  latencyMs: z.string().regex(/^\d+(-\d+)?$/, 'e.g. "0" or "400-620"').optional(),
});

async function answer(read: () => ReturnType<ReturnType<typeof services>["processor"]["config"]>) {
  try {
    const s = await read();
    return Response.json({ latency: s.latency, outageUntil: s.outageUntil, now: s.now, pid: process.pid });
  } catch (e) {
    return Response.json({ error: `the sandbox processor did not answer: ${(e as Error).message}` }, { status: 502 });
  }
}

export async function GET() {
  if (!env.sandboxControl) return new Response("Not found", { status: 404 });
  return answer(() => services().processor.config());
}

export async function POST(req: Request) {
  if (!env.sandboxControl) return new Response("Not found", { status: 404 });
  const parsed = command.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "invalid" }, { status: 400 });
  services().log.warn({ sandbox: parsed.data }, "sandbox processor reconfigured (fault injection)");
  return answer(() => services().processor.configure(parsed.data));
}
