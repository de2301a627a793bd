// Data loader for the redirect pages (src/[legacy].md, src/[legacy]/[page].md): every old address a
// study declares (study.yaml `redirects`) with its new one.
import {studyRedirects} from "../../lib/io/study-pages.js";
import {runLoader} from "../../lib/io/loader-run.js";

export const load = (): string => JSON.stringify(studyRedirects());

await runLoader(import.meta.url, load, (error) => {
  process.stderr.write(`redirects.json: ${error.message}\n`);
  process.exit(1);
});
