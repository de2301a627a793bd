import type {Page} from "playwright-core";
export interface PageVisit { page: Page; path: string; width: 1280 | 390; origin: string; }
export interface PageCheck {
  name: string;                                   // states the convention
  applies?: (path: string, html: string) => boolean; // default: every content page
  run: (visit: PageVisit) => Promise<void>;       // throw (expect) on failure
}
