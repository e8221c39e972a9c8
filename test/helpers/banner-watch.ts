import type { Page } from "playwright-core";

/**
 * Notes every banner the page ever shows (offline or error), however briefly,
 * so a test can say "no banner" without watching at the right moment. Call
 * before the page loads; read with {@link bannersSeen}.
 */
export async function watchBanners(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { edgelitBannersSeen: string[] }).edgelitBannersSeen = seen;
    new MutationObserver(() => {
      for (const banner of document.querySelectorAll(".banner"))
        if (!seen.includes(banner.textContent ?? "")) seen.push(banner.textContent ?? "");
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

/** The text of every banner the page has shown since it loaded (see watchBanners). */
export function bannersSeen(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { edgelitBannersSeen: string[] }).edgelitBannersSeen,
  );
}
