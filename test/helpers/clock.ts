import type { Clock } from '../../src/clock.js';

/** A clock that stands still until the test moves it. */
export interface TestClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(iso: string): TestClock {
  let at = Date.parse(iso);
  return {
    now: () => new Date(at),
    set(next) {
      at = Date.parse(next);
    },
    advance(ms) {
      at += ms;
    },
  };
}
