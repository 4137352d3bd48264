/**
 * Where one mining slot (the wallet, or one rig) reports: events to the caller's sink, stamped
 * with the slot's lane and rig, and errors both as an event and as a ledger `error` record.
 */
import { isMinerError } from '../errors.js';
import type { Ledger } from '../ledger/index.js';
import { redact } from '../safety/secrets.js';
import { stampEvent, type EventSink, type MinerEventInput, type MinerLane } from './events.js';

type SlotFree<T> = T extends unknown ? Omit<T, 'lane' | 'rigId'> : never;

export interface Slot {
  lane: MinerLane;
  rigId?: string;
}

export class Reporter {
  constructor(
    readonly slot: Slot,
    private readonly ledger: Ledger,
    private readonly sink: EventSink = () => {},
  ) {}

  emit(input: SlotFree<MinerEventInput>): void {
    this.sink(stampEvent({ lane: this.slot.lane, ...(this.slot.rigId === undefined ? {} : { rigId: this.slot.rigId }), ...input } as MinerEventInput));
  }

  /** Records an error in the ledger and emits it; `code` overrides the error's own (routine outcomes). */
  async error(where: string, error: unknown, options: { challengeId?: string; fatal: boolean; code?: string }): Promise<void> {
    const code = options.code ?? (isMinerError(error) ? error.code : 'UNEXPECTED');
    const message = redact(isMinerError(error) ? error.shortMessage : error instanceof Error ? error.message : String(error));
    const hint = isMinerError(error) ? error.hint : undefined;
    const details = isMinerError(error) ? error.details : undefined;
    await this.ledger.append({
      kind: 'error',
      where: this.slot.rigId === undefined ? where : `${where} (rig ${this.slot.rigId})`,
      code,
      message,
      ...(options.challengeId === undefined ? {} : { challengeId: options.challengeId }),
      ...(details === undefined ? {} : { details: redact(details) }),
    });
    this.emit({
      type: 'error',
      code,
      message,
      fatal: options.fatal,
      ...(options.challengeId === undefined ? {} : { challengeId: options.challengeId }),
      ...(hint === undefined ? {} : { hint }),
    });
  }
}
