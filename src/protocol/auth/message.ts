/**
 * Validates the sign-in message before we sign it (spec/protocol.md §3). A personal_sign
 * signature is only as harmless as the text it covers: a hostile or compromised coordinator
 * must not get arbitrary text (a permit, another site's login, a different wallet's session)
 * signed by our key. So only the exact eight-line format is accepted, naming our own address,
 * the coordinator's own host, the `challenge_access` action and a sane validity window.
 */
import { MinerError } from '../../errors.js';

export interface AuthMessageFields {
  domain: string;
  /** The address exactly as written in the message (sent back verbatim as `miner`). */
  address: string;
  nonce: string;
  issuedAtMs: number;
  expiresAtMs: number;
  /** The chain the coordinator signs in for (8453 in production; the sandbox uses its own). */
  chainId: number;
}

export interface AuthMessageExpectations {
  /** Our wallet address (any case). */
  address: string;
  /** The coordinator's base URL: the message must name its host. */
  coordinatorUrl: string;
  /** Local time in ms. */
  now: number;
  /** When set, the `Chain ID` line must equal it. */
  chainId?: number;
}

/** Clock skew we tolerate between us and the coordinator. */
const MAX_SKEW_MS = 5 * 60_000;
/** The nonce lives 5 minutes in production; anything valid much longer is not a sign-in nonce. */
const MAX_VALIDITY_MS = 60 * 60_000;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

const LINES: ReadonlyArray<{ label: string; pattern: RegExp }> = [
  { label: 'header', pattern: /^Botcoin Auth$/ },
  { label: 'Domain', pattern: /^Domain: ([A-Za-z0-9.-]+(?::\d{1,5})?)$/ },
  { label: 'Address', pattern: /^Address: (0x[0-9a-fA-F]{40})$/ },
  { label: 'Nonce', pattern: /^Nonce: ([0-9a-fA-F]{32})$/ },
  { label: 'Issued At', pattern: /^Issued At: (\S+)$/ },
  { label: 'Expires At', pattern: /^Expires At: (\S+)$/ },
  { label: 'Chain ID', pattern: /^Chain ID: ([1-9]\d{0,14})$/ },
  { label: 'Action', pattern: /^Action: (challenge_access)$/ },
];

/** Returns the message's fields, or throws `AUTH_REFUSED` saying which line is wrong. */
export function validateAuthMessage(message: string, expected: AuthMessageExpectations): AuthMessageFields {
  const lines = message.split('\n');
  if (lines.length !== LINES.length) {
    refuse(`it has ${lines.length} line(s); the sign-in message has exactly ${LINES.length}`);
  }
  const values = LINES.map(({ label, pattern }, index) => {
    const line = lines[index] as string;
    const match = pattern.exec(line);
    if (!match) refuse(`line ${index + 1} should be ${describeLine(label)}, got ${JSON.stringify(line.slice(0, 80))}`);
    return match[1] ?? '';
  });
  const [, domain, address, nonce, issuedAt, expiresAt, chainId] = values as [string, string, string, string, string, string, string, string];

  if (address.toLowerCase() !== expected.address.toLowerCase()) {
    refuse(`it names the address ${address}, not this wallet (${expected.address})`);
  }
  const url = new URL(expected.coordinatorUrl);
  if (domain.toLowerCase() !== url.host.toLowerCase() && domain.toLowerCase() !== url.hostname.toLowerCase()) {
    refuse(`it names the domain ${domain}, but the coordinator is ${url.host}`);
  }
  const issuedAtMs = parseIso(issuedAt, 'Issued At');
  const expiresAtMs = parseIso(expiresAt, 'Expires At');
  if (expiresAtMs <= issuedAtMs) refuse('it expires before it was issued');
  if (expiresAtMs - issuedAtMs > MAX_VALIDITY_MS) refuse(`it stays valid for ${Math.round((expiresAtMs - issuedAtMs) / 60_000)} minutes (a sign-in nonce lives minutes)`);
  if (issuedAtMs > expected.now + MAX_SKEW_MS) refuse('it was issued in the future (check this computer\'s clock)');
  if (expiresAtMs < expected.now - MAX_SKEW_MS) refuse('it has already expired (check this computer\'s clock)');
  const chain = Number(chainId);
  if (expected.chainId !== undefined && chain !== expected.chainId) {
    refuse(`it is for chain ${chain}, but this miner is configured for chain ${expected.chainId}`);
  }
  return { domain, address, nonce, issuedAtMs, expiresAtMs, chainId: chain };
}

function parseIso(text: string, label: string): number {
  const ms = ISO_8601.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) refuse(`"${label}" is not an ISO-8601 time: ${JSON.stringify(text.slice(0, 40))}`);
  return ms;
}

function describeLine(label: string): string {
  if (label === 'header') return '"Botcoin Auth"';
  if (label === 'Action') return '"Action: challenge_access"';
  return `"${label}: …"`;
}

function refuse(reason: string): never {
  throw new MinerError('AUTH_REFUSED', `Refusing to sign the coordinator's sign-in message: ${reason}.`, {
    hint: 'The coordinator sent something other than the BOTCOIN sign-in message; nothing was signed. Check COORDINATOR_URL points at the real coordinator.',
  });
}
