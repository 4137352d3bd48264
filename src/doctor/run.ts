/**
 * `doctor`: every check a miner needs before spending anything, in the order a fix should
 * follow (coordinator → skill → RPC → wallet → gas → eligibility → model). Read-only: the
 * wallet is known by its address, so no password or key is needed. The report's exit code is
 * the first failing check's class (2 config, 3 unavailable, 4 refused), 0 when all pass.
 */
import type { Address, PublicClient } from 'viem';
import { botcoinMiningAbi } from '../chain/abis/index.js';
import { builtInAddressBook, type AddressBook } from '../chain/addresses/built-in.js';
import { ExitCode } from '../errors.js';
import { allowListFor } from '../protocol/skill/allow-list.js';
import type { SkillInfo } from '../protocol/skill/types.js';
import { rewardsContracts, type RewardsContracts } from '../rewards/contracts.js';
import { fail, failFrom, notChecked } from './check.js';
import { checkCoordinatorHealth, checkSkill } from './coordinator.js';
import { checkRigAuthorization, checkWalletEligibility } from './eligibility.js';
import { checkModel, type ModelCheckInput } from './model.js';
import { BASE_CHAIN_ID, checkRpc, rpcClient } from './rpc.js';
import type { DoctorCheck, DoctorReport } from './types.js';
import { checkGas, checkWallet, DEFAULT_MIN_GAS_WEI, type WalletRef } from './wallet.js';

export interface DoctorInputs {
  coordinatorUrl: string;
  rpcUrl: string;
  lane: 'wallet' | 'rig';
  rigIds: readonly bigint[];
  /** The wallet's address without decrypting anything (keystore field, MINER_ADDRESS, ...). */
  resolveWallet: () => Promise<WalletRef>;
  /** With --sandbox: the sandbox's contracts (its chain id is then the expected one). */
  sandbox?: AddressBook;
  model: ModelCheckInput;
  minGasWei?: bigint;
}

export async function runDoctor(inputs: DoctorInputs): Promise<DoctorReport> {
  const publicClient = rpcClient(inputs.rpcUrl);
  const [coordinator, skillResult, walletResult] = await Promise.all([
    checkCoordinatorHealth(inputs.coordinatorUrl),
    checkSkill(inputs.coordinatorUrl, inputs.lane),
    checkWallet(inputs.resolveWallet),
  ]);
  const expected = expectedChain(skillResult.skill, inputs.sandbox);
  const rpc = await checkRpc(publicClient, inputs.rpcUrl, expected);
  const checks: DoctorCheck[] = [coordinator, skillResult.check, rpc.check, walletResult.check];

  const wallet = walletResult.wallet;
  const chainOk = rpc.check.ok && rpc.chainId !== undefined;
  if (!wallet) {
    checks.push(notChecked('gas', 'no wallet'), notChecked('eligibility', 'no wallet'));
  } else if (!chainOk) {
    checks.push(notChecked('gas', 'the RPC check failed'), notChecked('eligibility', 'the RPC check failed'));
  } else {
    const contracts = rewardsContracts(
      allowListFor(rpc.chainId as number, { builtIn: builtInAddressBook(rpc.chainId as number), ...(skillResult.skill ? { skill: skillResult.skill } : {}), ...(inputs.sandbox ? { sandbox: inputs.sandbox } : {}) }),
      inputs.lane,
    );
    const [gas, eligibility] = await Promise.all([
      checkGas(publicClient, wallet.address, inputs.minGasWei ?? DEFAULT_MIN_GAS_WEI),
      checkEligibility(publicClient, contracts, inputs, wallet.address),
    ]);
    checks.push(gas, eligibility);
  }
  checks.push(await checkModel(inputs.model));

  const firstFailure = checks.find((c) => !c.ok);
  return { ok: firstFailure === undefined, exitCode: firstFailure?.exitCode ?? ExitCode.ok, checks };
}

function expectedChain(skill: SkillInfo | undefined, sandbox: AddressBook | undefined): { chainId: number; source: string } {
  if (skill?.chainId !== undefined) return { chainId: skill.chainId, source: "the coordinator's skill file" };
  if (sandbox) return { chainId: sandbox.chainId, source: 'the sandbox' };
  return { chainId: BASE_CHAIN_ID, source: 'Base mainnet (the default)' };
}

async function checkEligibility(publicClient: PublicClient, contracts: RewardsContracts, inputs: DoctorInputs, address: Address): Promise<DoctorCheck> {
  const missing = 'the allow-list (skill file, built-in table or sandbox) has no';
  if (inputs.lane === 'wallet') {
    if (!contracts.mining || !contracts.token) return fail('eligibility', `${missing} wallet-lane mining contract and token`, ExitCode.badInput, 'Check the coordinator (`botcoin-miner skill`) and the RPC chain.');
    return checkWalletEligibility(publicClient, { mining: contracts.mining, token: contracts.token }, address);
  }
  const rigMining = contracts.rigMining;
  if (!rigMining) return fail('eligibility', `${missing} rig mining contract`, ExitCode.badInput, 'Check the coordinator (`botcoin-miner skill`) and the RPC chain.');
  let epochId: bigint;
  try {
    epochId = (await publicClient.readContract({ address: rigMining, abi: botcoinMiningAbi, functionName: 'currentEpoch' })) as bigint;
  } catch (error) {
    return failFrom('eligibility', error, 'Check the RPC URL and that the skill file lists the rig mining contract.');
  }
  return checkRigAuthorization(publicClient, rigMining, address, inputs.rigIds, epochId);
}
