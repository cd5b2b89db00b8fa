// The seeded demo accounts (packages/db seed-data), offered on the sign-in page for the demo.
export const DEMO_PASSWORD = "bloom1234";

export const DEMO_ACCOUNTS = [
  { email: "customer@bloom.test", role: "Customer" },
  { email: "owner@bloom.test", role: "Store owner" },
  { email: "rider@bloom.test", role: "Rider" },
] as const;
