import { readFileSync } from 'node:fs';
import type { TokenPrice, TokenUsage } from './types.js';

interface PriceTable {
  models: Record<string, TokenPrice>;
}

let table: PriceTable | undefined;

function priceTable(): PriceTable {
  table ??= JSON.parse(readFileSync(new URL('./prices.json', import.meta.url), 'utf8')) as PriceTable;
  return table;
}

/** Lower-case, vendor prefix dropped, dots as dashes: "openai/GPT-4.1" → "gpt-4-1". */
function normalise(model: string): string {
  return (model.split('/').pop() ?? model).toLowerCase().replace(/\./g, '-');
}

/** A dated or "latest" snapshot of a listed model costs what the model costs. */
const SNAPSHOT_SUFFIX = /^-(\d{4}-?\d{2}-?\d{2}|latest)$/;

/**
 * The price of a model: the config override if given, else the table entry for the name (or its
 * snapshot). Undefined for unknown models: a guessed price would make the spend cap lie.
 */
export function findPrice(model: string, override?: TokenPrice): TokenPrice | undefined {
  if (override) return override;
  const wanted = normalise(model);
  for (const [name, price] of Object.entries(priceTable().models)) {
    const listed = normalise(name);
    if (wanted === listed) return price;
    if (wanted.startsWith(listed) && SNAPSHOT_SUFFIX.test(wanted.slice(listed.length))) return price;
  }
  return undefined;
}

/** USD for one call, rounded to 1e-9 so sums in the ledger stay readable. */
export function costUsd(usage: TokenUsage, price: TokenPrice | undefined): number | undefined {
  if (!price) return undefined;
  const cost = (usage.promptTokens * price.inputPerMTok + usage.completionTokens * price.outputPerMTok) / 1_000_000;
  return Math.round(cost * 1e9) / 1e9;
}
