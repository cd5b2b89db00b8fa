// The only reader of process.env in the SMS sandbox: validated once at start-up.
import { z } from "zod";

const schema = z.object({
  SMS_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4020),
  SMS_SANDBOX_HOST: z.string().default("127.0.0.1"),
  /** Its own ledger, an append-only JSON-lines file: what was "sent" survives a restart of anyone. */
  SMS_SANDBOX_LEDGER: z.string().min(1).default(".bloom/sms-sandbox.jsonl"),
  /** "1": stop when stdin ends — a test harness's pipe, so a killed test run leaves no sandbox behind. */
  SMS_SANDBOX_EXIT_WITH_PARENT: z.enum(["0", "1"]).default("0"),
});

export type SmsSandboxEnv = z.infer<typeof schema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): SmsSandboxEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    console.error(`Invalid SMS sandbox configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
    process.exit(1);
  }
  return parsed.data;
}
