/**
 * An in-process x402 facilitator for the sandbox chain: `x402Facilitator` + the `exact` EVM
 * scheme, verifying EIP-3009 authorizations against the chain and settling them by sending
 * `transferWithAuthorization` to the sandbox test USDC.
 *
 * Who pays gas: `gasPayer`, an explicit account (in the sandbox a funded anvil dev account).
 * Neither the student (it only signs an authorization) nor the evaluator's payee pays gas.
 * The account carries its own nonce manager (`localAccount`), so concurrent settlements get
 * distinct nonces instead of colliding.
 */
import { x402Facilitator } from '@x402/core/facilitator';
import type { FacilitatorClient } from '@x402/core/server';
import type { PaymentPayload, PaymentRequirements, SettleResponse, SupportedResponse, VerifyResponse } from '@x402/core/types';
import { toFacilitatorEvmSigner } from '@x402/evm';
import { ExactEvmScheme } from '@x402/evm/exact/facilitator';
import type { Account } from 'viem';
import { createLocalClients } from '../../sandbox/chain/clients.js';
import { caip2, type Caip2 } from '../protocol/networks.js';

export interface InProcessFacilitatorOptions {
  rpcUrl: string;
  chainId: number;
  /** Sends the settlement transactions and pays their gas. */
  gasPayer: Account;
  /** Bound on each receipt wait (default 60 s). */
  confirmationTimeoutMs?: number;
}

export interface InProcessFacilitator extends FacilitatorClient {
  network: Caip2;
  gasPayer: Account['address'];
}

export function createInProcessFacilitator(options: InProcessFacilitatorOptions): InProcessFacilitator {
  const { publicClient, walletClient } = createLocalClients(options.rpcUrl, options.chainId, options.gasPayer);
  const signer = toFacilitatorEvmSigner(
    {
      address: options.gasPayer.address,
      readContract: (args) => publicClient.readContract(args as Parameters<typeof publicClient.readContract>[0]),
      verifyTypedData: (args) => publicClient.verifyTypedData(args as Parameters<typeof publicClient.verifyTypedData>[0]),
      writeContract: (args) => walletClient.writeContract(args as Parameters<typeof walletClient.writeContract>[0]),
      sendTransaction: (args) => walletClient.sendTransaction(args),
      waitForTransactionReceipt: (args) => publicClient.waitForTransactionReceipt(args),
      getCode: (args) => publicClient.getCode(args),
    },
    { confirmationTimeoutMs: options.confirmationTimeoutMs ?? 60_000 },
  );
  const network = caip2(options.chainId);
  const facilitator = new x402Facilitator().register(network, new ExactEvmScheme(signer));
  return {
    network,
    gasPayer: options.gasPayer.address,
    verify: (payload: PaymentPayload, requirements: PaymentRequirements): Promise<VerifyResponse> => facilitator.verify(payload, requirements),
    settle: (payload: PaymentPayload, requirements: PaymentRequirements): Promise<SettleResponse> => facilitator.settle(payload, requirements),
    getSupported: async (): Promise<SupportedResponse> => facilitator.getSupported() as SupportedResponse,
  };
}
