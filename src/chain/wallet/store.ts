import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { generatePrivateKey, privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { getAddress, type Address, type Hex } from 'viem';
import { MinerError } from '../../errors.js';
import { writeJsonFile } from '../../io/json-file.js';
import { dataDir } from '../../config/paths.js';
import { registerSecret } from '../../safety/secrets.js';
import { decryptKeystore, encryptKeystore, type EncryptKeystoreOptions } from './keystore.js';
import { declaredAddress } from './keystore-format.js';
import { parsePrivateKey } from './private-key.js';
import { readPassword, type SecretSourceOptions } from './password.js';

/**
 * The automation path: a raw private key in the environment, used instead of any keystore.
 * Meant for unattended runs (CI, containers, agents) where a secret store injects it.
 */
export const PRIVATE_KEY_ENV = 'BOTCOIN_PRIVATE_KEY';

export interface WalletInfo {
  address: Address;
  /** The keystore file, or null when the key came from `BOTCOIN_PRIVATE_KEY`. */
  keystore: string | null;
  source: 'env' | 'keystore';
}

export interface CreateWalletOptions {
  /** Where to write the keystore; default `<data dir>/keystores/<address>.json`. */
  path?: string;
  /** Data directory; default `dataDir()` (BOTCOIN_DATA_DIR or the OS data dir). */
  dataDir?: string;
  /** scrypt parameters (tests use a small n); default geth's standard ones. */
  scrypt?: EncryptKeystoreOptions['scrypt'];
}

export interface LoadAccountOptions extends SecretSourceOptions {
  /** Keystore path (the CLI resolves --keystore > BOTCOIN_KEYSTORE > profile); default: the only keystore in the data dir. */
  keystore?: string;
  dataDir?: string;
}

/** `<data dir>/keystores`. */
export function keystoreDir(dir: string = dataDir()): string {
  return join(dir, 'keystores');
}

/** Generates a fresh key and writes it as an encrypted keystore (mode 0600, atomically). */
export async function createWallet(password: string, options: CreateWalletOptions = {}): Promise<WalletInfo> {
  return writeKeystore(generatePrivateKey(), password, options);
}

/** Validates a private key and writes it as an encrypted keystore (mode 0600, atomically). */
export async function importWallet(privateKey: string, password: string, options: CreateWalletOptions = {}): Promise<WalletInfo> {
  const key = parsePrivateKey(privateKey, 'the import');
  registerSecret(key);
  return writeKeystore(key, password, options);
}

/**
 * The signing account, from (in order) `BOTCOIN_PRIVATE_KEY`, or the keystore decrypted with
 * `BOTCOIN_KEYSTORE_PASSWORD` or a password typed at a hidden prompt.
 */
export async function loadAccount(options: LoadAccountOptions = {}): Promise<WalletInfo & { account: PrivateKeyAccount }> {
  const fromEnv = envKey(options.env ?? process.env);
  if (fromEnv) {
    const account = privateKeyToAccount(fromEnv);
    return { account, address: account.address, keystore: null, source: 'env' };
  }
  const path = await resolveKeystorePath(options);
  const text = await readKeystoreText(path);
  const password = await readPassword(`keystore ${path}`, options);
  const key = await decryptKeystore(text, password, path);
  registerSecret(key);
  const account = privateKeyToAccount(key);
  return { account, address: account.address, keystore: path, source: 'keystore' };
}

/** The wallet's address without decrypting anything (the keystore's `address` field). */
export async function walletAddress(options: LoadAccountOptions = {}): Promise<WalletInfo> {
  const fromEnv = envKey(options.env ?? process.env);
  if (fromEnv) return { address: privateKeyToAccount(fromEnv).address, keystore: null, source: 'env' };
  const path = await resolveKeystorePath(options);
  return { address: getAddress(declaredAddress(await readKeystoreText(path), path)), keystore: path, source: 'keystore' };
}

/** The explicit keystore, else the only keystore in `<data dir>/keystores`; errors say what to do. */
export async function resolveKeystorePath(options: { keystore?: string; dataDir?: string } = {}): Promise<string> {
  if (options.keystore) return resolve(options.keystore);
  const dir = keystoreDir(options.dataDir ?? dataDir());
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json') || n.startsWith('UTC--')).sort();
  if (names.length === 1) return join(dir, names[0] as string);
  if (names.length === 0) {
    throw new MinerError('WALLET', `No wallet found (no keystore in ${dir} and ${PRIVATE_KEY_ENV} is not set).`, {
      hint: 'Create one with `botcoin-miner wallet new`, import one with `botcoin-miner wallet import`, or pass --keystore <file>.',
    });
  }
  throw new MinerError('WALLET', `Several keystores in ${dir}: ${names.join(', ')}.`, {
    hint: 'Choose one with --keystore <file>, or `botcoin-miner config set keystore <file>`.',
  });
}

async function writeKeystore(key: Hex, password: string, options: CreateWalletOptions): Promise<WalletInfo> {
  const keystore = await encryptKeystore(key, password, options.scrypt ? { scrypt: options.scrypt } : {});
  const address = getAddress(`0x${keystore.address}`);
  const dir = keystoreDir(options.dataDir ?? dataDir());
  const path = resolve(options.path ?? join(dir, `${address.toLowerCase()}.json`));
  if (await exists(path)) {
    throw new MinerError('WALLET', `A keystore already exists at ${path}; it was left untouched.`, {
      hint: 'Pass another --keystore path, or move the existing file away first.',
    });
  }
  // Created directories are private to the user; an existing directory keeps its permissions.
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeJsonFile(path, keystore, 0o600);
  return { address, keystore: path, source: 'keystore' };
}

async function readKeystoreText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MinerError('WALLET', `Cannot read the keystore ${path}${code ? ` (${code})` : ''}.`, {
      hint: 'Check the --keystore path (or BOTCOIN_KEYSTORE / the profile setting `keystore`).',
      cause: error,
    });
  }
}

/** The key from the environment, registered as a secret so the ledger and logs redact it. */
function envKey(env: NodeJS.ProcessEnv): Hex | undefined {
  const value = env[PRIVATE_KEY_ENV];
  if (!value) return undefined;
  const key = parsePrivateKey(value, `the ${PRIVATE_KEY_ENV} environment variable`);
  registerSecret(key);
  return key;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
