// Runs once when the server starts: the configuration is validated then, so a production start
// without AUTH_SECRET (or with a malformed variable) refuses at once with the reason, instead of
// failing on its first request. (Next only logs errors thrown here and serves on; hence exit.)
export async function register() {
  try {
    await import("./env");
  } catch (e) {
    console.error(`Bloom web refuses to start. ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
