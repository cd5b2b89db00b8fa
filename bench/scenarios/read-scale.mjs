export async function readScaleScenario() {
  throw new Error("not yet");
}
