// @bloom/db: the Prisma client over PostgreSQL, seed data, and the types of our tables.
export * from "./client";
export * from "./seed-data";
export type * from "@prisma/client";
export * from "./seed-schedule";
export * from "./seed-addons";
export * from "./kysely";
export * from "./transaction";
