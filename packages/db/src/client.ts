// One PrismaClient per process and database URL, over the pg driver adapter (no native engine).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const clients = new Map<string, PrismaClient>();

export function getDb(url: string, poolSize = 10): PrismaClient {
  let client = clients.get(url);
  if (!client) {
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
    clients.set(url, client);
  }
  return client;
}

export async function closeDbs(): Promise<void> {
  await Promise.all([...clients.values()].map((c) => c.$disconnect()));
  clients.clear();
}
