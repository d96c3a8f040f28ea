// Preloaded with `node -r` when /usr/bin/time is missing: writes the process's peak RSS (KiB) on exit.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
