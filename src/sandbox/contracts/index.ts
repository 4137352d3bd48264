// The sandbox contracts: committed artifacts (regenerate with `npm run contracts`), their ABIs,
// the EIP-712 receipt definitions, and deploy helpers taking viem clients first.
export {
  loadArtifact,
  sandboxArtifacts,
  sandboxContractNames,
  testBotcoinAbi,
  sandboxMiningAbi,
  sandboxRigNftAbi,
  sandboxRigMiningAbi,
  testUsdcAbi,
  type ContractArtifact,
  type SandboxContractName,
} from './artifacts.js';
export { receiptTypes, rigReceiptTypes, miningDomain, rigsDomain, type ReceiptDomainParameters } from './typed-data.js';
export {
  v3Tiers,
  deployArtifact,
  deployTestBotcoin,
  deployTestUsdc,
  deployMiningRigNft,
  deployBotcoinMining,
  deployBotcoinMiningRigs,
  deploySandboxContracts,
  type MiningTier,
  type DeployMiningParameters,
  type DeployRigMiningParameters,
  type DeploySandboxParameters,
  type SandboxContracts,
} from './deploy.js';
