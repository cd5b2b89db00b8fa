// Where the operator CLIs connect: DATABASE_URL, or the same default as the apps.
export const DATABASE_URL = process.env.DATABASE_URL ?? "postgresql://bloom:bloom@127.0.0.1:5432/bloom";

/** Runs a CLI's main, reporting failures as one line and an exit code, and closes the pool. */
export function runCli(main: () => Promise<void>, close: () => Promise<void>) {
  main()
    .catch((e: unknown) => {
      console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    })
    .finally(() => close());
}
