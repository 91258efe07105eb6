/**
 * How long to wait before reconnecting to an agent.
 *
 * Agents restart, and while they shut down they accept and reset connections; a tight reconnect
 * loop would burn CPU and flood the agent's log. Exponential growth with a cap keeps a dead agent
 * cheap, and jitter stops several monitors (or several agents behind one tunnel) reconnecting in
 * lock-step.
 */

export interface BackoffPolicy {
  /** Delay scale for the first retry. */
  baseMs: number
  /** No delay exceeds this. */
  capMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000 }

/**
 * The delay before retry number `attempt` (0 after a good connection dropped, then 1, 2, ...).
 *
 * "Equal jitter": half the exponential step is fixed and half is random, so delays still grow
 * from one attempt to the next (until the cap) while clients spread out. `random` returns [0, 1).
 */
export function nextBackoffDelay(attempt: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)))
  const r = Math.min(Math.max(random(), 0), 1)
  return Math.round(step / 2 + (r * step) / 2)
}
