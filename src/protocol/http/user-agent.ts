import { VERSION } from '../../version.js';

/**
 * The User-Agent every request sends. Production blocks default library agents (protocol §1),
 * and a precise agent string lets the operator tell our traffic apart when something goes wrong.
 */
export function userAgent(): string {
  return `botcoin-miner/${VERSION} (node ${process.versions.node}; ${process.platform} ${process.arch})`;
}
