// Shard 3 of the one-visit runner: see tests/browser/site-visits.ts.
import {siteVisits} from "./site-visits.js";

siteVisits(3);
