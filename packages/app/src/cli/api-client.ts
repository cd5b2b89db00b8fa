// Operators manage partners' API clients (C10):
//   npm run api-client -- create --name "Gift Co" --scopes "orders:read orders:write"
//   npm run api-client -- list
//   npm run api-client -- revoke <client_id>
import { parseArgs } from "node:util";
import { closeDbs, getDb } from "@bloom/db";
import { API_SCOPES } from "@bloom/domain";
import { createApiClient, listApiClients, revokeApiClient } from "../identity/api-clients";
import { disableWebhookEndpointsOf } from "../webhooks/endpoints";
import { DATABASE_URL, runCli } from "./database-url";

const USAGE = `usage:
  npm run api-client -- create --name "Gift Co" --scopes "${API_SCOPES.join(" ")}"
  npm run api-client -- list
  npm run api-client -- revoke <client_id>`;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: "string" }, scopes: { type: "string", default: API_SCOPES.join(" ") } },
  });
  const db = getDb(DATABASE_URL, 2);
  const [command, arg] = positionals;
  if (command === "create") {
    if (!values.name) throw new Error(`--name is required\n${USAGE}`);
    const c = await createApiClient(db, { name: values.name, scopes: values.scopes });
    console.log(`Created API client "${c.name}" with scopes: ${c.scopes.join(" ")}`);
    console.log(`client_id:     ${c.clientId}`);
    console.log(`client_secret: ${c.clientSecret}`);
    console.log("The secret is shown only now (it is stored hashed). Hand both to the partner securely.");
  } else if (command === "list") {
    const clients = await listApiClients(db);
    if (clients.length === 0) console.log("No API clients yet.");
    for (const c of clients) {
      const state = c.revokedAt ? `revoked ${c.revokedAt.toISOString()}` : "active";
      console.log(`${c.id}  ${c.name}  [${c.scopes.join(" ")}]  created ${c.createdAt.toISOString()}  ${state}`);
    }
  } else if (command === "revoke" && arg) {
    const revoked = await revokeApiClient(db, arg);
    // X4: a revoked partner is sent no more webhooks (its endpoints are disabled, its pending deliveries end).
    const disabled = revoked ? await disableWebhookEndpointsOf(db, arg) : 0;
    console.log(revoked ? `Revoked ${arg}: its tokens stop working now${disabled ? `; ${disabled} webhook endpoint(s) disabled` : ""}.` : `No active client ${arg}.`);
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
}

runCli(main, closeDbs);
