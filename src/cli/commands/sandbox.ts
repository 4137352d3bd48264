import type { Command } from 'commander';
import { join, resolve } from 'node:path';
import { action } from '../context.js';
import { MinerError } from '../../errors.js';
import { writeJsonFile } from '../../io/json-file.js';
import { registerSandboxNetwork } from './sandbox-network.js';

export function registerSandbox(program: Command): void {
  const sandbox = program.command('sandbox').summary("the local test network and generator").description('the local reference network: chain, contracts, coordinator, challenge generator');
  registerSandboxNetwork(sandbox);

  sandbox
    .command('domains')
    .description('list the challenge generator domains')
    .action(
      action(async (ctx) => {
        const { listDomains } = await import('../../sandbox/generator/index.js');
        const domains = listDomains();
        ctx.out.result({ domains }, (data) =>
          data.domains.map((d) => `${d.name.padEnd(24)} ${d.entityNoun.padEnd(12)} ${d.description}`).join('\n'),
        );
      }),
    );

  sandbox
    .command('generate')
    .description('generate one challenge: challenge.json (as served), answer-key.json, solution.json')
    .requiredOption('--seed <decimal>', 'seed, a decimal integer below 2^128')
    .requiredOption('--domain <name>', 'domain library (see `sandbox domains`)')
    .requiredOption('--out <dir>', 'directory to write the three files to')
    .action(
      action(async (ctx, options: { seed: string; domain: string; out: string }) => {
        const seed = parseSeed(options.seed);
        const [{ generateChallenge }, { solveWithAnswerKey }, { parseChallenge }] = await Promise.all([
          import('../../sandbox/generator/index.js'),
          import('../../sandbox/generator/reference-solver.js'),
          import('../../challenge/parse.js'),
        ]);
        const generated = generateChallenge({ seed, domain: options.domain });
        const solution = solveWithAnswerKey(parseChallenge(generated.payload), generated.answerKey);
        const dir = resolve(options.out);
        const files = {
          challenge: join(dir, 'challenge.json'),
          answerKey: join(dir, 'answer-key.json'),
          solution: join(dir, 'solution.json'),
        };
        await writeJsonFile(files.challenge, generated.payload);
        await writeJsonFile(files.answerKey, generated.answerKey);
        await writeJsonFile(files.solution, solution);
        ctx.out.result(
          { seed: seed.toString(), domain: options.domain, challengeId: generated.answerKey.challengeId, files },
          (r) => [`generated ${r.domain} challenge ${r.challengeId}`, ...Object.values(r.files).map((f) => `  ${f}`)].join('\n'),
        );
      }),
    );
}

const MAX_SEED = (1n << 128n) - 1n;

function parseSeed(text: string): bigint {
  if (!/^\d+$/.test(text) || BigInt(text) > MAX_SEED) {
    throw new MinerError('BAD_USAGE', `Invalid --seed "${text}".`, {
      hint: 'Give a decimal integer between 0 and 2^128-1, e.g. --seed 42.',
    });
  }
  return BigInt(text);
}
