/** Base units → `1000.5 BOTCOIN` (viem's exact formatUnits); loaded inside actions. */
import { formatBotcoin } from '../../rewards/staking.js';
import type { Amount } from './format.js';

export const botcoinAmount: Amount = (value) => `${formatBotcoin(BigInt(value))} BOTCOIN`;
