import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

type Emit = (metric: string, value: number, unit: string) => void;

/** The pages the issue names: home, search results, a fiche. */
const PAGES = {
  home: "/",
  search: "/atlas/projets?continent=Afrique&theme=eau-assainissement",
  fiche: "/atlas/projets/1",
} as const;

/**
 * Lighthouse (mobile, its default: simulated slow 4G and CPU) on Debian's chromium:
 * performance and accessibility scores, and the layout shift, for each page.
 */
export async function benchLighthouse(baseUrl: string, emit: Emit) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    for (const [name, path] of Object.entries(PAGES)) {
      const result = await lighthouse(baseUrl + path, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
      });
      if (!result) throw new Error(`Lighthouse n'a rien rendu pour ${path}`);
      const { categories, audits } = result.lhr;
      emit(`lighthouse.${name}.performance`, (categories.performance.score ?? 0) * 100, "score");
      emit(
        `lighthouse.${name}.accessibility`,
        (categories.accessibility.score ?? 0) * 100,
        "score",
      );
      emit(
        `lighthouse.${name}.layout_shift`,
        audits["cumulative-layout-shift"].numericValue ?? 0,
        "cls",
      );
    }
  } finally {
    await chrome.kill();
  }
}
