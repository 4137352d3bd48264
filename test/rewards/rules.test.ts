// The pure parts of the rewards library: the claim rule per epoch, the scan window, exact
// BOTCOIN amounts, contract choice from the allow-list, and a rig's ledger view.
import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInAddressBook } from '../../src/chain/addresses/built-in.js';
import { openLedger, receiptStates } from '../../src/ledger/index.js';
import { allowListFor } from '../../src/protocol/skill/allow-list.js';
import { epochState, parseBotcoin, rewardsContracts, rigLedgerStatus, scanEpochs } from '../../src/rewards/index.js';
import { WALLET, receipt, txHash } from '../ledger/support/records.js';

const WAD = 10n ** 18n;
const views = { epochId: 20n, credits: 100n, totalCredits: 305n, reward: 1000n * WAD, finalized: true, claimed: false };

describe('the claim rule (ended, funded, finalized, credited, unclaimed)', () => {
  it('claims an epoch that meets every condition, for reward × credits / total rounded down', () => {
    expect(epochState(views, 21n)).toEqual({ ...views, share: 327868852459016393442n, claimable: true });
  });

  it('names the first unmet condition', () => {
    expect(epochState(views, 20n)).toMatchObject({ claimable: false, blocker: 'running' });
    expect(epochState({ ...views, credits: 0n }, 21n)).toMatchObject({ claimable: false, blocker: 'no_credits', share: 0n });
    expect(epochState({ ...views, reward: 0n }, 21n)).toMatchObject({ claimable: false, blocker: 'not_funded' });
    expect(epochState({ ...views, finalized: false }, 21n)).toMatchObject({ claimable: false, blocker: 'not_finalized' });
    expect(epochState({ ...views, claimed: true }, 21n)).toMatchObject({ claimable: false, blocker: 'claimed' });
  });

  it('scans the ended epochs before the current one, at most `span`, never below 0', () => {
    expect(scanEpochs(5n, 3)).toEqual([2n, 3n, 4n]);
    expect(scanEpochs(2n, 64)).toEqual([0n, 1n]);
    expect(scanEpochs(0n)).toEqual([]);
    expect(scanEpochs(200n)).toHaveLength(64);
    expect(scanEpochs(200n)[0]).toBe(136n);
  });
});

describe('parseBotcoin (whole BOTCOIN → base units, exactly)', () => {
  it('handles integers and decimals without float error', () => {
    expect(parseBotcoin('5000000')).toBe(5_000_000n * WAD);
    expect(parseBotcoin('1000.5')).toBe(1000n * WAD + WAD / 2n);
    expect(parseBotcoin('0.000000000000000001')).toBe(1n);
    expect(parseBotcoin('5_000_000')).toBe(5_000_000n * WAD);
  });

  it('refuses anything that is not a positive amount with 18 decimals at most', () => {
    for (const bad of ['1.2.3', '-5', '1e6', 'ten', '0', '0.0', '1.0000000000000000001', '']) {
      expect(() => parseBotcoin(bad), bad).toThrow(expect.objectContaining({ code: 'BAD_USAGE' }));
    }
  });
});

describe('rewardsContracts (which allow-listed contract each flow uses)', () => {
  const mainnet = allowListFor(8453, { builtIn: builtInAddressBook(8453) });

  it('on Base mainnet picks the latest wallet-lane contract (V4), the rig contract, and the token of the lane', () => {
    expect(rewardsContracts(mainnet, 'wallet')).toEqual({
      chainId: 8453,
      token: '0xA601877977340862Ca67f816eb079958E5bd0BA3',
      mining: '0xBc71E2428cc0955b3dF9f38F5cF5DE22a1fC1D9b',
      rigMining: '0xB61BC7487424172CB9fa9dD381a9eC06C7067dCd',
    });
    expect(rewardsContracts(mainnet, 'rig').token).toBe('0x25C448101C36d7306Ed8053B96b090bb56a87B07');
  });

  it("prefers what the coordinator's skill file names over the built-in table", () => {
    const skilled = allowListFor(8453, {
      builtIn: builtInAddressBook(8453),
      skill: { chainId: 8453, contracts: [{ name: 'BotcoinMiningV3', address: '0xB2fbe0DB5A99B4E2Dd294dE64cEd82740b53A2Ea' }] },
    });
    expect(rewardsContracts(skilled, 'wallet').mining).toBe('0xB2fbe0DB5A99B4E2Dd294dE64cEd82740b53A2Ea');
  });

  it('reports no contract for a chain it knows nothing about', () => {
    expect(rewardsContracts(allowListFor(1, { builtIn: undefined }), 'wallet')).toEqual({ chainId: 1, token: undefined, mining: undefined, rigMining: undefined });
  });
});

describe("rigLedgerStatus (a rig's receipts in the ledger)", () => {
  it('sums this epoch’s confirmed credits, counts receipts in flight and names the latest receipt', async () => {
    const ledger = openLedger({ dir: await mkdtemp(join(tmpdir(), 'botcoin-rig-status-')), wallet: WALLET });
    await ledger.append(receipt('signed', { epochId: '41', solveIndex: '0' }, { tx: 1 }));
    await ledger.append(receipt('broadcast', { epochId: '41', solveIndex: '0' }, { tx: 1 }));
    await ledger.append(receipt('confirmed', { epochId: '41', solveIndex: '0' }, { tx: 1, creditsEarned: '100' }));
    await ledger.append(receipt('signed', { epochId: '42', solveIndex: '1' }, { tx: 2 }));
    await ledger.append(receipt('broadcast', { epochId: '42', solveIndex: '1' }, { tx: 2 }));
    await ledger.append(receipt('confirmed', { epochId: '42', solveIndex: '1' }, { tx: 2, creditsEarned: '100' }));
    await ledger.append(receipt('signed', { epochId: '42', solveIndex: '2' }, { tx: 3 }));
    await ledger.append(receipt('signed', { epochId: '42', solveIndex: '0', rigId: '8' }, { tx: 4 }));
    const views = [...receiptStates(await ledger.read()).values()];
    expect(rigLedgerStatus(views, 7n, 42n)).toEqual({
      creditsThisEpoch: 100n,
      confirmedThisEpoch: 1,
      inFlight: 1,
      lastReceipt: { receiptId: 'rig:7:42:2', state: 'signed', epochId: '42', solveIndex: '2', txHash: txHash(3) },
    });
    expect(rigLedgerStatus(views, 9n, 42n)).toEqual({ creditsThisEpoch: 0n, confirmedThisEpoch: 0, inFlight: 0, lastReceipt: undefined });
  });
});
