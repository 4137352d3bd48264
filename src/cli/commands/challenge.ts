import type { Command } from 'commander';
import { action } from '../context.js';
import { writeJsonFile } from '../../io/json-file.js';
import { challengeSlot } from '../../miner/submit-result.js';
import { minerSettings } from './miner-settings.js';

export function registerChallenge(program: Command): void {
  program
    .command('challenge')
    .summary('fetch a challenge and keep it as the current one')
    .description('fetch a new challenge, record it and keep it as the current one for `solve` / `submit` (JSON: the payload)')
    .option('--lane <lane>', 'wallet or rig (env BOTCOIN_LANE)')
    .option('--rig <id>', 'the rig to fetch work for (rig lane; default the first of --rigs / RIG_ID)')
    .option('--out <file>', 'also write the payload to this file')
    .action(
      action(async (ctx, options: { lane?: string; rig?: string; out?: string }) => {
        const { openMinerSession, fetchChallenge, saveCurrentChallenge, Reporter } = await import('../../miner/index.js');
        const session = await openMinerSession(minerSettings(ctx, { ...(options.lane ? { lane: options.lane } : {}), ...(options.rig ? { rigs: options.rig } : {}) }, { needsModel: false }));
        try {
          const slot = challengeSlot(session.lane, session.rigs, 'Pass --rig <id>, or set RIG_ID.');
          const reporter = new Reporter(slot, session.ledger);
          const issued = await fetchChallenge(session, reporter);
          const current = await saveCurrentChallenge(session.ledger, { issued, slot });
          if (options.out) await writeJsonFile(options.out, issued.challenge.raw);
          ctx.out.info(`current challenge: ${current}`);
          ctx.out.result(issued.challenge.raw, () => {
            const c = issued.challenge;
            return [
              `challenge ${c.challengeId}`,
              `lane      ${slot.lane}${slot.rigId ? ` (rig ${slot.rigId})` : ''}`,
              `epoch     ${c.epochId ?? '-'}  solve index ${c.solveIndex ?? '-'}  domain ${c.domain ?? '-'}`,
              `questions ${c.questions.length}  constraints ${c.constraints.length}  entities ${c.entities.length}`,
              ...(c.rig ? [`expires   ${new Date(c.rig.challengeExpiresAtMs).toISOString()}`] : []),
              ...(options.out ? [`written   ${options.out}`] : []),
              'next: `botcoin-miner solve` (or `solve --strategy agent` to answer it yourself), then `botcoin-miner submit <solution.json>`',
            ].join('\n');
          });
        } finally {
          await session.close();
        }
      }),
    );
}
