// The worker's configuration as it starts (env.ts is read once, at import): one public address for
// every link (PUBLIC_WEB_URL; APP_URL its deprecated alias), and the SSRF guards' development
// switches refused in production. Each case is a fresh node process with its own environment.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const PRINT = `const { env } = await import(${JSON.stringify(path.join(ROOT, "apps/worker/src/env.ts"))}); console.log(JSON.stringify({ url: env.PUBLIC_WEB_URL, appUrl: "APP_URL" in env, hosts: env.PUSH_SERVICE_HOSTS }));`;

function start(vars: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(APP_URL|PUBLIC_WEB_URL|NEXTAUTH_URL|WEBHOOK_ALLOW_LOCAL|PUSH_ALLOW_LOOPBACK_HTTP|PUSH_SERVICE_HOSTS|NODE_ENV)$/.test(k)));
  const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", PRINT], { cwd: ROOT, env: { ...base, ...vars }, encoding: "utf8", timeout: 30_000 });
  return { code: r.status, out: r.stdout.trim() ? (JSON.parse(r.stdout.trim().split("\n").pop()!) as { url: string; appUrl: boolean; hosts: string[] }) : null, err: r.stderr };
}

describe("worker configuration", () => {
  it("[X1][X2] one public address for emails and texts: PUBLIC_WEB_URL, else the deprecated APP_URL (with a warning), else NEXTAUTH_URL", () => {
    expect(start({ PUBLIC_WEB_URL: "https://bloom.example", NEXTAUTH_URL: "https://auth.example" }).out).toMatchObject({ url: "https://bloom.example", appUrl: false });
    const old = start({ APP_URL: "https://old.example", NEXTAUTH_URL: "https://auth.example" });
    expect(old.out?.url).toBe("https://old.example");
    expect(old.err).toMatch(/APP_URL is deprecated/);
    const both = start({ APP_URL: "https://old.example", PUBLIC_WEB_URL: "https://bloom.example" });
    expect(both.out?.url).toBe("https://bloom.example");
    expect(both.err).toMatch(/ignored: PUBLIC_WEB_URL=https:\/\/bloom.example wins/);
    expect(start({ NEXTAUTH_URL: "https://auth.example" }).out?.url).toBe("https://auth.example");
  }, 120_000);

  it("[X3][X4] production refuses the SSRF guards' development switches, and a malformed push service list", () => {
    const prod = { NODE_ENV: "production", TRACKING_LINK_SECRET: "x".repeat(32) };
    expect(start(prod).code).toBe(0);
    for (const [vars, name] of [
      [{ WEBHOOK_ALLOW_LOCAL: "1" }, "WEBHOOK_ALLOW_LOCAL"],
      [{ PUSH_ALLOW_LOOPBACK_HTTP: "1" }, "PUSH_ALLOW_LOOPBACK_HTTP"],
      [{ PUSH_SERVICE_HOSTS: "https://fcm.googleapis.com" }, "PUSH_SERVICE_HOSTS"],
    ] as const) {
      const r = start({ ...prod, ...vars });
      expect(r.code, name).toBe(1);
      expect(r.err, name).toContain(name);
    }
    expect(start({ PUSH_SERVICE_HOSTS: "push.internal.example" }).out?.hosts).toEqual(["push.internal.example"]);
  }, 120_000);
});
