// The seeded demo accounts (packages/db seed-data), offered on the sign-in page for the demo.
export const DEMO_PASSWORD = "bloom1234";

export const DEMO_ACCOUNTS = [
  { email: "customer@bloom.test", role: "CUSTOMER" },
  { email: "owner@bloom.test", role: "OWNER" },
  { email: "rider@bloom.test", role: "RIDER" },
] as const;
