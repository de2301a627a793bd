// Which errors are the user's input (a bad file, option, name or value): the commands report them as
// `rendement <command>: message` with exit code 2; anything else is a bug and keeps its stack trace.
import {InputError} from "../io/model-file.js";
import {KengetalError} from "../io/kengetallen.js";
import {OverrideError} from "../model/evaluate.js";
import {DistributionError} from "../analysis/distributions.js";
import {UsageError} from "./args.js";

export function isInputError(error: unknown): boolean {
  return (
    error instanceof InputError ||
    error instanceof KengetalError ||
    error instanceof OverrideError ||
    error instanceof UsageError ||
    error instanceof DistributionError ||
    error instanceof RangeError
  );
}
