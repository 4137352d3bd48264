import type { SkillEndpoint, SkillLane } from './types.js';
import { markdownTables, plainCell } from './markdown-tables.js';

/**
 * Lane and generation from the skill's signals (spec/protocol.md §2): rig routes or
 * `"lane":"rig"` mean the rig lane; stake-gated wallet routes, V2–V4 wording and credit tier
 * tables mean the wallet lane, whose generation is the highest version the text names.
 */
export function detectLane(markdown: string, endpoints: readonly SkillEndpoint[]): SkillLane {
  if (endpoints.some((e) => e.path.startsWith('/v1/rig/')) || /\blane\\?"?\s*[:=]\s*\\?["']?rig\b/i.test(markdown)) return 'rig';
  const walletRoute = endpoints.some((e) => e.path === '/v1/challenge' || e.path === '/v1/submit' || /stake/.test(e.path));
  if (walletRoute || versionMentioned(markdown) >= 2 || tierGeneration(markdown) > 0) return 'wallet';
  return 'unknown';
}

export function detectGeneration(markdown: string, lane: SkillLane): string {
  if (lane === 'rig') return 'rig';
  if (lane === 'unknown') return 'unknown';
  // A wallet-lane file with no version wording predates the versioned contracts.
  return `v${Math.max(1, versionMentioned(markdown), tierGeneration(markdown))}`;
}

/** Highest `V2`…`V4` / `BotcoinMiningV3` mention; case-sensitive so "schema v3" and "/v1/" do not count. */
function versionMentioned(markdown: string): number {
  let highest = 0;
  for (const match of markdown.matchAll(/(?:\bV|BotcoinMiningV)([1-4])\b/g)) highest = Math.max(highest, Number(match[1]));
  return highest;
}

/** Stake tier tables: V3+ pays 100+ credits per solve, V2 paid 1–3. */
function tierGeneration(markdown: string): number {
  let generation = 0;
  for (const table of markdownTables(markdown)) {
    const header = table.header.map((h) => plainCell(h).toLowerCase());
    const stakeAt = header.findIndex((h) => h.includes('stake'));
    const creditsAt = header.findIndex((h) => h.includes('credit'));
    if (stakeAt < 0 || creditsAt < 0) continue;
    const credits = table.rows.map((row) => Number(plainCell(row[creditsAt] ?? '').replace(/,/g, ''))).filter(Number.isFinite);
    if (credits.length === 0) continue;
    generation = Math.max(generation, Math.max(...credits) >= 100 ? 3 : 2);
  }
  return generation;
}
