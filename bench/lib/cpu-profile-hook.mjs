// Loaded with NODE_OPTIONS=--import by bench/profile.mjs (Node refuses --cpu-prof there): records a
// V8 CPU profile of this process and writes it to $BLOOM_CPU_PROFILE_DIR/<pid>.cpuprofile on exit.
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

const dir = process.env.BLOOM_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  session.post("Profiler.start");
  process.on("exit", () => {
    // In-process inspector messages are dispatched synchronously, so this completes before exit.
    session.post("Profiler.stop", (err, res) => {
      if (err || !res) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(res.profile));
    });
  });
}
