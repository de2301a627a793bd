// Data loader for the redirect pages (src/[legacy].md, src/[legacy]/[page].md): every old address a
// study declares (study.yaml `redirects`) with its new one.
import {studyRedirects} from "../../lib/io/study-pages.js";

try {
  process.stdout.write(JSON.stringify(studyRedirects()));
} catch (error) {
  process.stderr.write(`redirects.json: ${(error as Error).message}\n`);
  process.exit(1);
}
