/**
 * The production sign-in message (spec/protocol.md §3): eight lines joined by `\n`.
 * The sandbox writes its own chain id on the `Chain ID` line — never 8453, so a sandbox
 * signature can never be replayed against production.
 */

export interface AuthMessageFields {
  host: string;
  /** Lower-case address. */
  address: string;
  /** 32 hex characters. */
  nonce: string;
  issuedAt: Date;
  expiresAt: Date;
  chainId: number;
}

export const AUTH_ACTION = 'challenge_access';

export function buildAuthMessage(fields: AuthMessageFields): string {
  return [
    'Botcoin Auth',
    `Domain: ${fields.host}`,
    `Address: ${fields.address}`,
    `Nonce: ${fields.nonce}`,
    `Issued At: ${fields.issuedAt.toISOString()}`,
    `Expires At: ${fields.expiresAt.toISOString()}`,
    `Chain ID: ${fields.chainId}`,
    `Action: ${AUTH_ACTION}`,
  ].join('\n');
}

/** The `Nonce:` line's value, or undefined when the text is not an auth message. */
export function nonceOfMessage(message: string): string | undefined {
  const lines = message.split('\n');
  if (lines.length !== 8 || lines[0] !== 'Botcoin Auth') return undefined;
  const match = /^Nonce: ([0-9a-f]{32})$/.exec(lines[3] ?? '');
  return match?.[1];
}
