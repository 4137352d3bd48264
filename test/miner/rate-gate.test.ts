// One rate-limit budget for all rigs: a 429 seen by any request pauses every slot's next call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateGate } from '../../src/miner/index.js';
import { startMinerWorld, type MinerWorld } from './support/network.js';

describe('RateGate', () => {
  it('holds every waiter until the longest pause is over, and lets them through at once without one', async () => {
    let now = 1_000;
    const gate = new RateGate(() => now);
    await gate.wait(); // no pause: resolves immediately
    gate.pause(40);
    gate.pause(10); // a shorter pause never shortens the current one
    expect(gate.remainingMs).toBe(40);
    now += 25;
    expect(gate.remainingMs).toBe(15);
    gate.pause(30); // extended while others wait
    expect(gate.remainingMs).toBe(30);
    now += 30;
    expect(gate.remainingMs).toBe(0);
  });

  it('a waiter resolves only once the shared pause has passed, even if it is extended meanwhile', async () => {
    const gate = new RateGate();
    gate.pause(30);
    const waiting = gate.wait().then(() => gate.remainingMs);
    setTimeout(() => gate.pause(30), 10);
    expect(await waiting).toBe(0);
  });

  it('stops waiting when the signal aborts', async () => {
    const gate = new RateGate();
    gate.pause(60_000);
    const controller = new AbortController();
    const waiting = gate.wait(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow();
  });
});

describe('the session\'s coordinator client', () => {
  let world: MinerWorld;
  beforeAll(async () => {
    world = await startMinerWorld({ sandbox: { rigs: 2, coordinator: { faults: { mode: 'script', actions: ['429'], paths: ['/v1/rig/challenge'] } } } });
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });

  it('feeds a 429 on one rig\'s request into the gate every rig waits on', async () => {
    const seen: Array<{ status?: number; pausedMs: number }> = [];
    let session: Awaited<ReturnType<MinerWorld['open']>> | undefined;
    session = await world.open('rig', { onCoordinatorRetry: (event) => seen.push({ ...(event.status === undefined ? {} : { status: event.status }), pausedMs: session?.gate.remainingMs ?? -1 }) });
    try {
      await session.coordinator.getRigChallenge({ rigId: world.rigIds[0] as string });
      expect(seen).toHaveLength(1);
      expect(seen[0]?.status).toBe(429);
      expect(seen[0]?.pausedMs).toBeGreaterThan(0);
    } finally {
      await session.close();
    }
  }, 30_000);
});
