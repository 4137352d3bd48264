/** The challenge's untrusted text as prompt data blocks, the same way for every strategy. */
import type { Challenge } from '../../challenge/types.js';
import { dataBlock, renderPrompt } from '../prompts/render.js';

export function challengeBlocks(challenge: Challenge): { document: string; questions: string; roster: string; instructions: string; constraints: string } {
  return {
    document: dataBlock('document', challenge.doc),
    questions: dataBlock('questions', challenge.questions.map((q) => `${q.id}: ${q.text}`).join('\n')),
    roster: dataBlock('entity-roster', challenge.entities.join('\n')),
    instructions: dataBlock('solve-instructions', challenge.solveInstructions ?? '(none given)'),
    constraints: dataBlock('constraints', challenge.constraints.map((c) => `${c.index + 1}. ${c.text}`).join('\n')),
  };
}

/** The evaluator's critiques as a data block, or '' when there are none. */
export function critiquesSection(critiques: readonly string[] | undefined): string {
  const notes = (critiques ?? []).filter((c) => c.trim() !== '');
  if (notes.length === 0) return '';
  return `\n${renderPrompt('critiques', { critiques: dataBlock('evaluator-critiques', notes.map((c) => `- ${c}`).join('\n')) })}\n`;
}
