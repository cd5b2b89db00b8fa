// C7: the deployment artifacts describe a cluster deployment that matches the code: probes point at
// health endpoints that exist, every container asks for resources, the web tier autoscales on
// load and the worker on queue depth, and images are multi-stage. (No Docker engine or cluster
// runs here, so the artifacts are checked, not applied.)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { POLICY_NAMES } from "@bloom/domain";

const ROOT = path.resolve(import.meta.dirname, "..");
const k8sDir = path.join(ROOT, "deploy/k8s");
type Doc = { kind?: string; metadata?: { name?: string }; spec?: Record<string, unknown> };
const docs: Doc[] = readdirSync(k8sDir)
  .filter((f) => f.endsWith(".yaml"))
  .flatMap((f) => parseAllDocuments(readFileSync(path.join(k8sDir, f), "utf8")).map((d) => d.toJS() as Doc))
  .filter(Boolean);

type Container = {
  name: string;
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  resources?: { requests?: Record<string, string> };
};
const containersOf = (d: Doc) =>
  ((d.spec?.template as { spec?: { containers?: Container[] } } | undefined)?.spec?.containers ?? []) as Container[];

const workerMain = readFileSync(path.join(ROOT, "apps/worker/src/main.ts"), "utf8");
function endpointExists(probePath: string): boolean {
  const route = path.join(ROOT, "apps/web/src/app", probePath, "route.ts");
  return existsSync(route) || workerMain.includes(`"${probePath}"`);
}

describe("deployment artifacts", () => {
  it("[C7][C6] every Deployment has readiness and liveness probes on real health endpoints, and resource requests", () => {
    const deployments = docs.filter((d) => d.kind === "Deployment");
    expect(deployments.map((d) => d.metadata?.name).sort()).toEqual(["bloom-web", "bloom-worker"]);
    for (const d of deployments) {
      for (const c of containersOf(d)) {
        for (const probe of [c.readinessProbe, c.livenessProbe]) {
          expect(probe?.httpGet?.path, `${d.metadata?.name}/${c.name}`).toBeTruthy();
          expect(endpointExists(probe!.httpGet!.path), probe!.httpGet!.path).toBe(true);
        }
        expect(Object.keys(c.resources?.requests ?? {})).toEqual(expect.arrayContaining(["cpu", "memory"]));
      }
    }
  });

  it("[C7] the web tier autoscales (HPA) and the worker scales on queue depth (KEDA)", () => {
    const hpa = docs.find((d) => d.kind === "HorizontalPodAutoscaler");
    expect((hpa?.spec?.scaleTargetRef as { name?: string })?.name).toBe("bloom-web");
    const scaled = docs.find((d) => d.kind === "ScaledObject");
    expect((scaled?.spec?.scaleTargetRef as { name?: string })?.name).toBe("bloom-worker");
    expect(JSON.stringify(scaled?.spec?.triggers)).toMatch(/redis/i);
    // Every policy queue the worker consumes is watched: a backlog on any of them adds workers.
    const lists = (scaled?.spec?.triggers as { metadata?: { listName?: string } }[]).map((t) => t.metadata?.listName);
    // …and the webhook-deliveries queue (X4), which sends what the partner-webhooks policy planned.
    expect(lists.sort()).toEqual([...POLICY_NAMES, "webhook-deliveries"].map((p) => `bloom:${p}:wait`).sort());
    expect(docs.some((d) => d.kind === "Ingress")).toBe(true);
    expect(docs.some((d) => d.kind === "Job")).toBe(true); // migrations run before rollout
  });

  it("[C7] images are multi-stage and the compose file runs the whole system on one host", () => {
    for (const f of ["web.Dockerfile", "worker.Dockerfile"]) {
      const stages = readFileSync(path.join(ROOT, "deploy", f), "utf8").match(/^FROM /gm) ?? [];
      expect(stages.length, f).toBeGreaterThanOrEqual(2);
    }
    const compose = parseAllDocuments(readFileSync(path.join(ROOT, "deploy/compose.yaml"), "utf8"))[0]!.toJS() as { services: Record<string, unknown> };
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(["web-1", "web-2", "worker", "postgres", "redis", "nginx", "migrate"]));
  });
});
