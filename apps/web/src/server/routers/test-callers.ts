// For the routers' integration tests: a tRPC caller signed in as anyone, over this process's
// services (no HTTP), and the demo admin. Imported by tests only.
import type { Role } from "@bloom/domain";
import { services } from "../services";
import { createCaller } from "./_app";

export const callerAs = (id: string, role: Role) =>
  createCaller({ ...services(), session: { user: { id, email: `${id}@x`, name: "x", role }, expires: new Date(Date.now() + 3600_000).toISOString() } });

export const ADMIN_ID = "00000000-0000-4000-8000-000000000007";
