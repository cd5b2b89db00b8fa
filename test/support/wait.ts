// Polls until a condition holds, or fails with the last value seen (bounded: never hangs a run).
export async function waitFor<T>(
  probe: () => Promise<T>,
  ok: (v: T) => boolean,
  { timeoutMs = 15_000, everyMs = 50, what = "condition" } = {},
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, everyMs));
    last = await probe();
  }
  return last;
}
