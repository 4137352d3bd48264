import type { Command } from 'commander';
import { untilSignal } from '../until-signal.js';
import { action } from '../context.js';
import { MinerError } from '../../errors.js';

interface ServeFlags {
  kind: string;
  price: string;
  port: string;
  host: string;
  network: string;
  facilitator?: string;
  payTo?: string;
  rpc?: string;
  usdc?: string;
  publicUrl?: string;
}

/** `evaluator serve`: run one paid evaluator (spec/market.md) until interrupted. */
export function registerEvaluator(program: Command): void {
  const evaluator = program.command('evaluator').summary("run a paid feedback evaluator").description('run a paid feedback evaluator for other miners (A2A card + x402 payments)');

  evaluator
    .command('serve')
    .description(
      'serve an evaluator: GET /.well-known/agent-card.json, paid POST /evaluate, GET /healthz. ' +
        'Signs feedback with BOTCOIN_EVALUATOR_PRIVATE_KEY (else the wallet); the in-process facilitator pays gas from BOTCOIN_FACILITATOR_PRIVATE_KEY (sandbox: a dev account)',
    )
    .requiredOption('--kind <kind>', 'constraint-auditor, citation-auditor, arithmetic-auditor or critic')
    .option('--price <usd>', 'price per evaluation in USD', '0.001')
    .option('--port <port>', 'port to listen on (0: a free one)', '0')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--network <name>', 'sandbox, base or base-sepolia', 'sandbox')
    .option('--facilitator <in-process|url>', 'settle in this process (sandbox default) or through a facilitator URL')
    .option('--pay-to <address>', 'where payments go (default: the evaluator key\'s address)')
    .option('--usdc <address>', 'the sandbox test USDC (default: from sandbox.json)')
    .option('--public-url <url>', 'the URL the card advertises (default: the URL it is fetched on)')
    .action(
      action(async (ctx, flags: ServeFlags) => {
        const [{ evaluatorKinds }, { isNetworkName }, setup, { createEvaluatorApp }, { serveEvaluator }] = await Promise.all([
          import('../../market/protocol/card.js'),
          import('../../market/protocol/networks.js'),
          import('../../market/evaluator/setup.js'),
          import('../../market/evaluator/app.js'),
          import('../../market/evaluator/serve.js'),
        ]);
        const kind = evaluatorKinds.find((k) => k === flags.kind);
        if (!kind) throw new MinerError('BAD_USAGE', `Unknown evaluator kind "${flags.kind}".`, { hint: `Use one of: ${evaluatorKinds.join(', ')}.` });
        if (!isNetworkName(flags.network)) throw new MinerError('BAD_USAGE', `Unknown network "${flags.network}".`, { hint: 'Use sandbox, base or base-sepolia.' });
        const port = Number(flags.port);
        if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new MinerError('BAD_USAGE', `Invalid --port "${flags.port}".`, { hint: 'Give 0..65535.' });
        const payment = await setup.resolvePaymentSetup({
          network: flags.network,
          ...(flags.facilitator ? { facilitator: flags.facilitator } : {}),
          ...(ctx.globals.rpc ? { rpcUrl: ctx.globals.rpc } : {}),
          ...(flags.usdc ? { usdc: flags.usdc } : {}),
          ...(ctx.setting('dataDir').value ? { dataDir: ctx.setting('dataDir').value as string } : {}),
        });
        const signer = setup.evaluatorKeyFromEnv() ?? (await (await import('../../chain/wallet/store.js')).loadAccount({ interactive: ctx.interactive })).account;
        const provider = kind === 'critic' ? await criticProvider(ctx) : undefined;
        const { getAddress } = await import('viem');
        const app = createEvaluatorApp({
          kind,
          price: flags.price,
          network: payment.network,
          asset: payment.asset,
          facilitator: payment.facilitator,
          signer,
          ...(flags.payTo ? { payTo: getAddress(flags.payTo) } : {}),
          ...(provider ? { provider } : {}),
          ...(flags.publicUrl ? { publicUrl: flags.publicUrl } : {}),
          onEvent: (event) => (event.type === 'settled' ? ctx.out.debug(`settled ${event.transaction}`) : ctx.out.warn(JSON.stringify(event))),
        });
        const server = await serveEvaluator(app, { port, hostname: flags.host });
        ctx.out.result(
          { kind, url: server.url, card: `${server.url}/.well-known/agent-card.json`, price: flags.price, network: payment.network, asset: payment.asset.address, signer: signer.address, gasPayer: payment.gasPayer },
          (r) => `${r.kind} evaluator on ${r.url} (card ${r.card}), ${r.price} USD per evaluation on ${r.network}; Ctrl-C stops it`,
        );
        await untilSignal();
        await server.close();
        await provider?.close();
      }),
    );
}

async function criticProvider(ctx: import('../context.js').CommandContext): Promise<import('../../solver/providers/types.js').ModelProvider> {
  const { createProvider } = await import('../../solver/providers/create-provider.js');
  const provider = ctx.setting('provider').value;
  if (provider !== 'openai' && provider !== 'anthropic') {
    throw new MinerError('CONFIG', `Unknown model provider "${String(provider)}".`, { hint: 'Set BOTCOIN_PROVIDER to openai or anthropic.' });
  }
  const baseUrl = ctx.setting('modelBaseUrl').value;
  const apiKey = ctx.setting('modelApiKey').value;
  return createProvider({ provider, model: ctx.setting('model').value ?? '', ...(baseUrl ? { baseUrl } : {}), ...(apiKey ? { apiKey } : {}) });
}
