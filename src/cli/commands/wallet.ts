import type { Command } from 'commander';
import { action, type CommandContext } from '../context.js';
import { MinerError } from '../../errors.js';

interface WalletResult {
  address: string;
  keystore: string | null;
}

export function registerWallet(program: Command): void {
  const wallet = program
    .command('wallet')
    .summary('create, import or show the signing wallet')
    .description(
      'the signing wallet: an encrypted keystore (Web3 Secret Storage v3, readable by `cast wallet`); ' +
        'for automation set BOTCOIN_PRIVATE_KEY instead, and BOTCOIN_KEYSTORE_PASSWORD to unlock a keystore without a prompt',
    );

  wallet
    .command('new')
    .description('generate a key and save it encrypted (default <data dir>/keystores/<address>.json, mode 0600)')
    .option('--keystore <path>', 'where to write the keystore')
    .action(
      action(async (ctx, options: { keystore?: string }) => {
        const [{ createWallet }, { readPassword }] = await Promise.all([
          import('../../chain/wallet/store.js'),
          import('../../chain/wallet/password.js'),
        ]);
        const password = await readPassword('the new keystore', { confirm: true, interactive: ctx.interactive });
        const info = await createWallet(password, { path: options.keystore, dataDir: ctx.setting('dataDir').value });
        report(ctx, 'Created', info);
      }),
    );

  wallet
    .command('import')
    .description('encrypt an existing private key into a keystore (the key is read from a hidden prompt or an env var, never from arguments)')
    .option('--keystore <path>', 'where to write the keystore')
    .option('--private-key-env <VAR>', 'read the key from this environment variable instead of a prompt')
    .action(
      action(async (ctx, options: { keystore?: string; privateKeyEnv?: string }) => {
        const [{ importWallet }, { readPassword, promptSecret }] = await Promise.all([
          import('../../chain/wallet/store.js'),
          import('../../chain/wallet/password.js'),
        ]);
        const key = options.privateKeyEnv
          ? keyFromEnv(options.privateKeyEnv)
          : await promptSecret(
              'Private key (0x + 64 hex, hidden):',
              new MinerError('WALLET', 'No private key to import: there is no terminal to ask on.', {
                hint: 'Put the key in an environment variable and pass --private-key-env <VAR> (never the key itself as an argument).',
              }),
              { interactive: ctx.interactive },
            );
        const password = await readPassword('the imported keystore', { confirm: true, interactive: ctx.interactive });
        const info = await importWallet(key, password, { path: options.keystore, dataDir: ctx.setting('dataDir').value });
        report(ctx, 'Imported', info);
      }),
    );

  wallet
    .command('address')
    .description('print the wallet address without decrypting (BOTCOIN_PRIVATE_KEY, else the keystore)')
    .option('--keystore <path>', 'keystore file (default: env BOTCOIN_KEYSTORE, the profile, or the only keystore in the data dir)')
    .action(
      action(async (ctx, options: { keystore?: string }) => {
        const { walletAddress } = await import('../../chain/wallet/store.js');
        const info = await walletAddress({
          keystore: ctx.setting('keystore', { keystore: options.keystore }).value,
          dataDir: ctx.setting('dataDir').value,
        });
        ctx.out.result<WalletResult>({ address: info.address, keystore: info.keystore }, (r) =>
          r.keystore ? `${r.address}\nkeystore: ${r.keystore}` : `${r.address}\nfrom BOTCOIN_PRIVATE_KEY`,
        );
      }),
    );
}

function keyFromEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new MinerError('WALLET', `The environment variable ${name} is not set (or empty).`, {
      hint: `Export the key as ${name} in this shell (e.g. read -s ${name}; export ${name}), then run the import again.`,
    });
  }
  return value;
}

function report(ctx: CommandContext, verb: string, info: WalletResult): void {
  ctx.out.result<WalletResult>({ address: info.address, keystore: info.keystore }, (r) =>
    `${verb} wallet ${r.address}\nkeystore: ${r.keystore}`,
  );
  ctx.out.info('Back up the keystore file and remember its password: without both the key cannot be recovered.');
}
