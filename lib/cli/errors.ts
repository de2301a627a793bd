// Which errors are the user's input (a bad file, option, name or value): the commands report them as
// `rendement <command>: message` with exit code 2; anything else is a bug and keeps its stack trace.
import {InputError} from "../io/model-file.js";
import {KengetalError} from "../io/kengetallen.js";
import {OverrideError} from "../model/evaluate.js";
import {DistributionError} from "../analysis/distributions.js";
import {UsageError} from "./args.js";
import {NonFiniteError} from "../model/non-finite.js";
import {YamlAliasError} from "../yaml.js";
import {CorrelationError} from "../analysis/copula.js";

export function isInputError(error: unknown): boolean {
  return (
    error instanceof InputError ||
    error instanceof KengetalError ||
    error instanceof OverrideError ||
    error instanceof UsageError ||
    error instanceof DistributionError ||
    error instanceof YamlAliasError ||
    error instanceof CorrelationError ||
    error instanceof RangeError
  );
}

/**
 * A result that cannot be shown (a NaN or infinite value in an evaluation): `rendement <command>:
 * message` on one line with exit code 1, never a figure beside it.
 */
export function isResultError(error: unknown): error is NonFiniteError {
  return error instanceof NonFiniteError;
}
