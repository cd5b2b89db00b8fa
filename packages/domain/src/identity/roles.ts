// Who uses Bloom, and where each lands after signing in; no zod, so the header and the sign-in page
// can use them in the browser without the schemas (P1).
export const ROLES = ["CUSTOMER", "OWNER", "RIDER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  CUSTOMER: "/stores",
  OWNER: "/board",
  RIDER: "/deliveries",
  ADMIN: "/board",
};
