// Operators manage the keys that sign API access tokens (C10):
//   npm run api-keys -- list
//   npm run api-keys -- rotate          new key signs from now on; old ones still verify
//   npm run api-keys -- retire <kid>    unpublish an old key once its tokens have expired
import { parseArgs } from "node:util";
import { closeDbs, getDb } from "@bloom/db";
import { KeyWrap } from "../identity/key-wrap";
import { listSigningKeys, retireSigningKey, rotateSigningKey } from "../identity/signing-keys";
import { DATABASE_URL, keyEncryptionSecret, runCli } from "./database-url";

const USAGE = `usage:
  npm run api-keys -- list
  npm run api-keys -- rotate
  npm run api-keys -- retire <kid>`;

async function main() {
  const { positionals } = parseArgs({ allowPositionals: true });
  const db = getDb(DATABASE_URL, 2);
  const [command, arg] = positionals;
  if (command === "rotate") {
    const kid = await rotateSigningKey(db, new KeyWrap(keyEncryptionSecret()));
    console.log(`New signing key ${kid} is active. Earlier keys keep verifying until you retire them`);
    console.log("(wait at least the token lifetime, API_TOKEN_TTL_SEC, before retiring).");
  } else if (command === "list") {
    const keys = await listSigningKeys(db);
    if (keys.length === 0) console.log("No signing keys yet: the first is created when the first token is issued.");
    for (const k of keys) {
      const state = k.retiredAt ? `retired ${k.retiredAt.toISOString()}` : k.active ? "signing" : "verifying only";
      console.log(`${k.kid}  ${k.algorithm}  created ${k.createdAt.toISOString()}  ${state}`);
    }
  } else if (command === "retire" && arg) {
    const r = await retireSigningKey(db, arg);
    if (r === "retired") console.log(`Retired ${arg}: it is no longer published, and tokens it signed stop verifying.`);
    else if (r === "active") throw new Error(`${arg} is the signing key: rotate first, then retire it`);
    else throw new Error(`No published key ${arg}`);
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
}

runCli(main, closeDbs);
