/**
 * How the tests and the benchmark start Debian's Chromium through playwright-core: one home for
 * the executable, the flags DEVELOPERS.md prescribes, and the browser features turned off.
 *
 * Headless Chromium is the whole browser without a screen, and it builds each new window's
 * browser UI like a desktop browser does — including two WebUI pages of the address bar's
 * dropdown (chrome://omnibox-popup.top-chrome, its plain and its AI-mode variant) in a renderer
 * of their own: 1.3–1.7 s of CPU per window (measured per context on this machine), and up to
 * ≈ 5 s of traced main-thread and thread-pool time while it competes with a page that is loading.
 * (So did the Chromium of earlier sessions; Debian's 150.0.7871.100 of 2026-12-07 builds none,
 * and the switch stays for the builds that do.)
 * A person's browser built that UI when its window opened, not while our page loads; the tests
 * and the bench open a window per visit. So the two features are off (docs/performance.md,
 * "Sixth session").
 *
 * Chromium reads only the LAST `--disable-features` switch, and Playwright passes its own list.
 * So ours repeats Playwright's list (PLAYWRIGHT_DISABLED_FEATURES, playwright-core 1.65) and
 * Playwright's switch is left out (`ignoreDefaultArgs`); chromium-launch.test.ts fails when a
 * Playwright upgrade changes its list, instead of silently turning its features back on.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Playwright's own `--disable-features` list, verbatim, in its order. */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion'
] as const;

/** The address bar dropdown's WebUI pages, built for every new window. */
export const BROWSER_UI_FEATURES_OFF = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'] as const;

const disableFeatures = (names: readonly string[]) => `--disable-features=${names.join(',')}`;

export const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  disableFeatures([...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_FEATURES_OFF])
];

/** Playwright's default switch that FLAGS replaces. */
export const IGNORE_DEFAULT_ARGS = [disableFeatures(PLAYWRIGHT_DISABLED_FEATURES)];

/** Options for `chromium.launch*`: spread them, and pass `args: [...FLAGS, …]` to add flags. */
export const LAUNCH = { executablePath: CHROMIUM, args: FLAGS, ignoreDefaultArgs: IGNORE_DEFAULT_ARGS, headless: true };
