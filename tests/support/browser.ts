import AxeBuilder from "@axe-core/playwright";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

/** Debian's Chromium, headless, without the background traffic this network refuses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Registers the hooks that give a test file one browser, closed after its tests. */
export function browserForTestFile() {
  const state = {} as { browser: Browser };
  beforeAll(async () => {
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
  });
  return state;
}

/** axe-core violations of serious or critical impact on the current page. */
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
    }));
}

/** A French-speaking page in its own browser context (own cookies), accepting downloads. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR", acceptDownloads: true });
  return context.newPage();
}

/**
 * Moves the focus forward with Tab until the element matching the test has it. The test runs
 * in the page, so it sees only its own parameters: `argument` carries a value from the test.
 */
export async function tabTo(
  page: Page,
  matches: (element: Element, argument: string) => boolean,
  argument = "",
  maxSteps = 80,
) {
  const test = `(${matches.toString()})(document.activeElement, ${JSON.stringify(argument)})`;
  for (let step = 0; step < maxSteps; step += 1) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(test)) return;
  }
  throw new Error("Élément jamais atteint au clavier");
}

/** A new page signed in with a demo account (the keyboard journey is tested on its own). */
export async function signedInPage(browser: Browser, baseUrl: string, email: string) {
  const page = await newPage(browser);
  await page.goto(`${baseUrl}/connexion`);
  await page.locator("#champ-email").fill(email);
  await page.locator("#champ-password").fill("Demo-AECT-2026!");
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/connexion")),
    page.keyboard.press("Enter"),
  ]);
  return page;
}

/** Presses Enter (or Space) on the focused control and waits for the page it leads to. */
export async function pressAndLoad(page: Page, key = "Enter") {
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.keyboard.press(key)]);
}
