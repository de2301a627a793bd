// Slider positions for a number box (src/components/numberInput.js). A linear slider maps its
// position to the value directly; a log-scale slider (a range like 20 to 1.000.000 persons, where a
// linear slider would put everything below 5.000 into its first pixel) maps positions 0 … STEPS to
// min · (max/min)^(p/STEPS). Browser-safe, pure.
//
// Conventions:
// - A log scale needs 0 < min < max; logScaleError says why a range cannot have one.
// - A position from a dragged slider snaps to a "nice" value: two significant digits (23, 450,
//   12.000, 1.000.000), whole numbers when the box takes only whole numbers; the ends stay exact.
// - A value typed in the box is not snapped: its position is computed exactly (the slider shows it
//   between two nice values), so box, slider and model hold the same number.

/** Positions of a log-scale slider (its `max`; `min` is 0). */
export const LOG_STEPS = 1000;

/** Why [min, max] cannot take a log scale, or null when it can. */
export function logScaleError(min: number, max: number): string | null {
  if (!(Number.isFinite(min) && Number.isFinite(max))) return `a log scale needs a finite range, found ${min} to ${max}`;
  if (!(min > 0)) return `a log scale needs a minimum above 0, found ${min}`;
  if (!(max > min)) return `a log scale needs a maximum above the minimum, found ${min} to ${max}`;
  return null;
}

/** The position (0 … LOG_STEPS) of `value` on a log slider over [min, max]; values outside are put at the ends. */
export function logPosition(value: number, min: number, max: number): number {
  if (!(value > min)) return 0;
  if (value >= max) return LOG_STEPS;
  return (LOG_STEPS * Math.log(value / min)) / Math.log(max / min);
}

/** Rounded to two significant digits (and to a whole number when `integer`). */
export function niceValue(x: number, {integer = false}: {integer?: boolean} = {}): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  const rounded = Number((Math.round(x / magnitude) * magnitude).toPrecision(12));
  return integer ? Math.round(rounded) : rounded;
}

/** The value at `position` of a log slider over [min, max], snapped to a nice value inside the range; the ends are exact. */
export function logValue(position: number, min: number, max: number, {integer = false}: {integer?: boolean} = {}): number {
  if (!(position > 0)) return min;
  if (position >= LOG_STEPS) return max;
  const x = min * (max / min) ** (position / LOG_STEPS);
  return Math.min(max, Math.max(min, niceValue(x, {integer})));
}
