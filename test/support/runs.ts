/*
 * How many runs a property test makes: few by default, so the unit suite stays quick, and the
 * full number with FULL=1. The seeds stay the same either way.
 */
export const FULL = process.env.FULL === '1';

export function runs(quick: number, full: number): number {
  return FULL ? full : quick;
}
