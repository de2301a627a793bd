// How a study page's data loader reports an invalid study (Node only). In `npm run build` the loader
// names the problem on stderr and exits 1, so the build (and CI) fails naming the file. In
// `npm start` (the preview, which sets RENDEMENT_PREVIEW=1) it writes `{"error": "..."}` instead, so
// the study's pages show a Dutch error panel naming `file:line: field`
// (src/components/studyError.js) and the other studies keep working.

/** Whether loaders run for the preview (`npm start`), not for a build. */
export function previewMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.RENDEMENT_PREVIEW === "1";
}

/** Report a loader failure: `{error}` as the loader's output in the preview, else exit 1. */
export function failLoader(output: string, message: string, env: NodeJS.ProcessEnv = process.env): never {
  process.stderr.write(`${output}: ${message}\n`);
  if (previewMode(env)) {
    process.stdout.write(JSON.stringify({error: message}));
    process.exit(0);
  }
  process.exit(1);
}
