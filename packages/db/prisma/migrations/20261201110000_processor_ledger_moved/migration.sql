-- The sandbox processor keeps its ledger in its own database now (apps/processor, M2): the app's
-- copy of it goes. What it held was test-mode data only.
DROP TABLE IF EXISTS "payment_sandbox_charges";
