// Launch options for every browser test and benchmark: Debian's Chromium (Playwright's own
// download cannot work offline), and flags that stop it calling Google's services, which these
// machines refuse. CommonJS so that ESM and CommonJS Playwright configs can both import it.
exports.chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-quic',
    '--disable-sync',
  ],
};
