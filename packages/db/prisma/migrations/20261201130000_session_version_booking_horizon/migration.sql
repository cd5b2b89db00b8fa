-- S2: a session token carries the user's session version; sign-out, a password change and a
-- role change bump it, which ends every older session at its next request.
ALTER TABLE "identity_users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
-- S4: deliveries can be booked this many days ahead (the shop sets it; 60 by default).
ALTER TABLE "store_stores" ADD COLUMN "booking_horizon_days" INTEGER NOT NULL DEFAULT 60;
