/**
 * Every setting the CLI reads, with its environment variables and default. One table, so the
 * precedence rule (flag > environment > profile > default) is applied the same way everywhere
 * and the README's table can be checked against it.
 */

export interface SettingSpec {
  key: string;
  /** Environment variables, first match wins (the operator's names first, then ours). */
  env: readonly string[];
  description: string;
  default?: string;
  /** Secrets are never printed by `config list/get`; they belong in the environment or a keystore. */
  secret?: boolean;
}

export const settings = [
  {
    key: 'coordinator',
    env: ['COORDINATOR_URL', 'BOTCOIN_COORDINATOR_URL'],
    description: 'Coordinator base URL',
    default: 'https://coordinator.agentmoney.net',
  },
  { key: 'rpc', env: ['BASE_RPC_URL', 'BOTCOIN_RPC_URL'], description: 'JSON-RPC URL of the chain', default: 'https://mainnet.base.org' },
  { key: 'lane', env: ['BOTCOIN_LANE'], description: 'Mining lane: rig or wallet', default: 'rig' },
  { key: 'rigs', env: ['RIG_ID', 'BOTCOIN_RIGS'], description: 'Rig ids to mine with, comma-separated' },
  { key: 'miner', env: ['MINER_ADDRESS'], description: 'Miner / operator address (read-only commands)' },
  { key: 'keystore', env: ['BOTCOIN_KEYSTORE'], description: 'Path of the encrypted wallet keystore' },
  { key: 'provider', env: ['BOTCOIN_PROVIDER'], description: 'Model provider: openai (any OpenAI-compatible endpoint) or anthropic', default: 'openai' },
  { key: 'model', env: ['BOTCOIN_MODEL'], description: 'Model name' },
  { key: 'modelBaseUrl', env: ['BOTCOIN_MODEL_BASE_URL', 'OPENAI_BASE_URL'], description: 'Model endpoint base URL' },
  { key: 'strategy', env: ['BOTCOIN_STRATEGY'], description: 'Solving strategy: hybrid, llm or agent', default: 'hybrid' },
  { key: 'maxAttemptsPerDay', env: ['BOTCOIN_MAX_ATTEMPTS_PER_DAY'], description: 'Cap on coordinator attempts per day' },
  { key: 'maxCostPerDay', env: ['BOTCOIN_MAX_COST_PER_DAY'], description: 'Cap on model spend per day, USD' },
  { key: 'evaluators', env: ['BOTCOIN_EVALUATORS'], description: 'Evaluator agent-card URLs for paid feedback, comma-separated' },
  { key: 'maxEvaluationPrice', env: ['BOTCOIN_MAX_EVALUATION_PRICE'], description: 'Paid feedback: price cap (and budget) per evaluation, USD', default: '0.01' },
  { key: 'evaluationBudgetPerDay', env: ['BOTCOIN_EVALUATION_BUDGET_PER_DAY'], description: 'Paid feedback: budget per UTC day, USD', default: '1.00' },
  { key: 'dataDir', env: ['BOTCOIN_DATA_DIR'], description: 'Where the ledger, keystores and sandbox files live' },
  { key: 'modelTimeoutMs', env: ['BOTCOIN_MODEL_TIMEOUT_MS'], description: 'Model call timeout in milliseconds', default: '120000' },
  { key: 'modelTemperature', env: ['BOTCOIN_MODEL_TEMPERATURE'], description: 'Model sampling temperature' },
  { key: 'modelMaxTokens', env: ['BOTCOIN_MODEL_MAX_TOKENS'], description: 'Maximum completion tokens per model call' },
  { key: 'modelReasoningBudget', env: ['BOTCOIN_MODEL_REASONING_BUDGET'], description: 'Reasoning/thinking token budget, where the model supports one' },
  {
    key: 'modelApiKey',
    env: ['BOTCOIN_MODEL_API_KEY', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY'],
    description: 'Model provider API key (environment only)',
    secret: true,
  },
  { key: 'privateKey', env: ['BOTCOIN_PRIVATE_KEY'], description: 'Wallet private key for automation (environment only; prefer a keystore)', secret: true },
  { key: 'keystorePassword', env: ['BOTCOIN_KEYSTORE_PASSWORD'], description: 'Keystore password for non-interactive use (environment only)', secret: true },
] as const satisfies readonly SettingSpec[];

export type SettingKey = (typeof settings)[number]['key'];

export function findSetting(key: string): SettingSpec | undefined {
  return (settings as readonly SettingSpec[]).find((s) => s.key === key);
}
