// Browser tests drive Debian's Chromium through playwright-core. Install it when missing and we
// are root (CI and fresh dev boxes); otherwise say exactly what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.RIGCAST_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`[rigcast] ${CHROMIUM} is missing; installing Debian's chromium…`);
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.error(`[rigcast] browser tests need Chromium at ${CHROMIUM}: run "sudo apt-get install -y chromium" or set RIGCAST_CHROMIUM.`);
    process.exit(1);
  }
}
