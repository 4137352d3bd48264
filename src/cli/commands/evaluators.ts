import type { Command } from 'commander';
import { action, type CommandContext } from '../context.js';
import { MinerError } from '../../errors.js';

function cardUrls(ctx: CommandContext, flag: string | undefined): string[] {
  const urls = (ctx.setting('evaluators', { evaluators: flag }).value ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  if (urls.length === 0) {
    throw new MinerError('CONFIG', 'No evaluator URLs are configured.', {
      hint: 'Pass --urls <url,...>, set BOTCOIN_EVALUATORS, or `config set evaluators <url,...>`.',
    });
  }
  return urls;
}

async function studentWallet(ctx: CommandContext, flag: string | undefined): Promise<string> {
  const configured = flag ?? ctx.setting('miner').value;
  if (configured) return configured;
  const { walletAddress } = await import('../../chain/wallet/store.js');
  return (await walletAddress({ dataDir: ctx.setting('dataDir').value })).address;
}

/** `evaluators list` and `evaluators reputation`: the student's view of the market. */
export function registerEvaluators(program: Command): void {
  const evaluators = program.command('evaluators').summary('discover evaluators and their reputation').description('paid feedback evaluators: discover their cards and see their earned reputation');

  evaluators
    .command('list')
    .description('fetch and validate the configured evaluator cards')
    .option('--urls <urls>', 'card or base URLs, comma-separated (default: config key `evaluators` / BOTCOIN_EVALUATORS)')
    .option('--domain <domain>', 'only evaluators offering a skill for this challenge domain')
    .option('--wallet <address>', 'whose reputation table to show beside them (default: the miner wallet)')
    .action(
      action(async (ctx, flags: { urls?: string; domain?: string; wallet?: string }) => {
        const market = await import('../../market/student/index.js');
        const { cards, problems } = await market.discoverEvaluators(cardUrls(ctx, flags.urls));
        const domain = flags.domain?.toLowerCase();
        const wallet = await studentWallet(ctx, flags.wallet).catch(() => undefined);
        const reputation = wallet ? await market.loadReputation(market.openReputation({ wallet, dir: ctx.setting('dataDir').value })) : {};
        const rows = cards
          .filter((c) => domain === undefined || c.tags.includes(domain))
          .map((c) => ({ id: c.id, name: c.card.name, kind: c.terms.kind, price: c.terms.price, network: c.terms.network, asset: c.terms.asset, payTo: c.terms.payTo, endpoint: c.terms.endpoint, url: c.url, tags: c.tags, quality: market.posterior(reputation[c.id]).quality }));
        for (const p of problems) ctx.out.warn(`${p.url}: ${p.message}`);
        ctx.out.result({ evaluators: rows, problems }, (r) =>
          r.evaluators.length === 0
            ? 'no evaluators found'
            : r.evaluators.map((e) => `${e.kind.padEnd(19)} ${e.price.padStart(8)} USD  q=${e.quality.toFixed(2)}  ${e.network}  ${e.url}`).join('\n'),
        );
        return cards.length === 0 && problems.length > 0 ? 3 : 0;
      }),
    );

  evaluators
    .command('reputation')
    .description('the local reputation table: what each evaluator\'s feedback earned (helped, verdict accuracy, calibration)')
    .option('--wallet <address>', 'student wallet (default: the miner wallet)')
    .action(
      action(async (ctx, flags: { wallet?: string }) => {
        const market = await import('../../market/student/index.js');
        const wallet = await studentWallet(ctx, flags.wallet);
        const table = await market.reputationTable(market.openReputation({ wallet, dir: ctx.setting('dataDir').value }));
        ctx.out.result({ wallet, evaluators: table }, (r) =>
          r.evaluators.length === 0
            ? 'no evaluator outcomes recorded yet'
            : [
                'evaluator                                                      consults  helped  accuracy  calibration  quality',
                ...r.evaluators.map(
                  (e) =>
                    `${e.evaluatorId.padEnd(62)} ${String(e.stats.consults).padStart(8)}  ${e.helpedMean.toFixed(2).padStart(6)}  ${e.accuracyMean.toFixed(2).padStart(8)}  ${e.calibration.toFixed(2).padStart(11)}  ${e.quality.toFixed(2).padStart(7)}`,
                ),
              ].join('\n'),
        );
      }),
    );
}
