// The contract of a per-page browser check. A module tests/browser/checks/<topic>.ts exports
// `export const checks: PageCheck[]`; a runner opens each built page once per width and runs every
// check of every module in this folder that applies.
import type {Page} from "playwright-core";
export interface PageVisit { page: Page; path: string; width: 1280 | 390; origin: string; }
export interface PageCheck {
  name: string;                                   // states the convention
  applies?: (path: string, html: string) => boolean; // default: every content page
  run: (visit: PageVisit) => Promise<void>;       // throw (expect) on failure
}
