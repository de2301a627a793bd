// The contract of a per-page browser check. A module tests/browser/checks/<topic>.ts exports
// `export const checks: PageCheck[]`; the one-visit runner (tests/browser/site-visits.ts) finds every
// module in this folder, opens each built page once per width and runs every check that applies.
// `applies` also sees redirect pages (src/[legacy].md); without it a check runs on content pages only.
import type {Page} from "playwright-core";
export interface PageVisit { page: Page; path: string; width: 1280 | 390; origin: string; }
export interface PageCheck {
  name: string;                                   // states the convention
  applies?: (path: string, html: string) => boolean; // default: every content page
  run: (visit: PageVisit) => Promise<void>;       // throw (expect) on failure
}
