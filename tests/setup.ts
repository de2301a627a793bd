// Global test setup. fast-check: a failing property reports its first counterexample (with the seed
// to replay it) instead of shrinking for minutes — a slow shrink once held CI's unit phase until the
// phase time-out — and no property runs longer than a minute (an interrupted run counts as a failure).
import fc from "fast-check";

fc.configureGlobal({endOnFailure: true, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true});
