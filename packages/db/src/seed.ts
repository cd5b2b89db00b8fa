// Seeds demo users, shops and bouquets. Idempotent: creates what is missing and leaves what
// owners changed (stock, prices) alone. Run: npm run seed -w @bloom/db
import bcrypt from "bcryptjs";
import { closeDbs, getDb } from "./client";
import { bouquetId, DEMO_PASSWORD, DEMO_STORES, DEMO_USERS } from "./seed-data";
import { DEMO_STORE_ZONES } from "./seed-zones";
import { seedSchedules } from "./seed-schedule";
import { DEMO_BOUQUETS_KO, DEMO_STORES_KO } from "./seed-ko";
import { seedAddons } from "./seed-addons";

export async function seed(url: string) {
  const db = getDb(url);
  const hash = await bcrypt.hash(DEMO_PASSWORD, 10);
  for (const u of DEMO_USERS) {
    await db.user.upsert({
      where: { email: u.email },
      update: {},
      create: { id: u.id, email: u.email, name: u.name, role: u.role, phone: u.phone, passwordHash: hash },
    });
  }
  for (const [si, s] of DEMO_STORES.entries()) {
    const { bouquets, ...store } = s;
    await db.store.upsert({ where: { id: s.id }, update: {}, create: store });
    // Once per shop (D1): a shop that has coordinates was placed already, and its zones are the owner's.
    const place = DEMO_STORE_ZONES[s.id];
    if (place) await db.store.updateMany({ where: { id: s.id, lat: null }, data: { lat: place.lat, lng: place.lng, deliveryZones: place.zones } });
    for (const [bi, [name, nameKo, description, priceWon, stock, picture]] of bouquets.entries()) {
      const id = bouquetId(si, bi);
      await db.bouquet.upsert({
        where: { id },
        update: {},
        create: { id, storeId: s.id, name, nameKo, description, priceWon, stock, stockBaseline: stock, imageUrl: `/img/${picture}` },
      });
    }
  }
  await seedKorean(db);
  await seedSchedules(db);
  await seedAddons(db);
  return { users: DEMO_USERS.length, stores: DEMO_STORES.length };
}

/**
 * W5: the demo catalog's Korean address and descriptions. Written where the Korean text is still
 * missing or is the English copy the migration backfilled, so an owner's own Korean text stays.
 */
async function seedKorean(db: ReturnType<typeof getDb>) {
  for (const [si, s] of DEMO_STORES.entries()) {
    const ko = DEMO_STORES_KO[s.id];
    if (ko) {
      await db.store.updateMany({ where: { id: s.id, addressKo: { in: ["", s.address] } }, data: { addressKo: ko.addressKo } });
      await db.store.updateMany({ where: { id: s.id, descriptionKo: { in: ["", s.description] } }, data: { descriptionKo: ko.descriptionKo } });
    }
    for (const [bi, [name, , description]] of s.bouquets.entries()) {
      const descriptionKo = DEMO_BOUQUETS_KO[name];
      if (descriptionKo) await db.bouquet.updateMany({ where: { id: bouquetId(si, bi), descriptionKo: { in: ["", description] } }, data: { descriptionKo } });
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set");
    process.exit(1);
  }
  seed(url)
    .then((r) => console.log(`seeded ${r.users} users and ${r.stores} stores (idempotent)`))
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    })
    .finally(() => closeDbs());
}
