// Compiles the sandbox contracts (src/sandbox/contracts/solidity/*.sol) with solc-js and
// OpenZeppelin from node_modules, and writes one artifact per deployable contract to
// src/sandbox/contracts/artifacts/<Name>.json. The output is deterministic (relative source
// names, fixed settings, sorted keys), so a test can recompile into a temp dir and compare.
// Usage: npm run contracts            (rewrite the committed artifacts)
//        node scripts/compile-contracts.mjs --out <dir>   (write elsewhere, e.g. a freshness test)
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = join(ROOT, 'src/sandbox/contracts/solidity');
const DEFAULT_OUT = join(ROOT, 'src/sandbox/contracts/artifacts');
const OZ_PREFIX = '@openzeppelin/contracts/';
const OZ_ROOT = dirname(createRequire(import.meta.url).resolve('@openzeppelin/contracts/package.json'));

// solc 0.8.37 defaults to osaka; anvil and Base run cancun. viaIR because the receipt
// functions take 13–14 stack arguments (production's ABI), which the legacy pipeline cannot fit.
const SETTINGS = {
  evmVersion: 'cancun',
  optimizer: { enabled: true, runs: 200 },
  viaIR: true,
};

// Our own files are all passed as sources, so only OpenZeppelin imports reach the callback.
function findImports(path) {
  if (path.startsWith(OZ_PREFIX)) {
    return { contents: readFileSync(join(OZ_ROOT, path.slice(OZ_PREFIX.length)), 'utf8') };
  }
  return { error: `import not found: ${path} (only @openzeppelin/contracts/ is resolved)` };
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
  }
  return value;
}

/** Compiles every .sol file and returns the deployable contracts' artifacts by name. */
function compileContracts() {
  const sources = {};
  for (const name of readdirSync(SOURCES).filter((file) => file.endsWith('.sol')).sort()) {
    sources[name] = { content: readFileSync(join(SOURCES, name), 'utf8') };
  }
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      ...SETTINGS,
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const diagnostics = output.errors ?? [];
  for (const entry of diagnostics.filter((item) => item.severity !== 'error')) {
    process.stderr.write(`${entry.formattedMessage}\n`);
  }
  const errors = diagnostics.filter((entry) => entry.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`solc failed:\n${errors.map((entry) => entry.formattedMessage).join('\n')}`);
  }
  const artifacts = {};
  for (const sourceName of Object.keys(sources)) {
    for (const [contractName, contract] of Object.entries(output.contracts[sourceName] ?? {})) {
      // Abstract contracts (EpochRewards) have no bytecode and are not deployable.
      if (!contract.evm.bytecode.object) continue;
      artifacts[contractName] = {
        contractName,
        sourceName,
        abi: sortKeys(contract.abi),
        bytecode: `0x${contract.evm.bytecode.object}`,
        deployedBytecode: `0x${contract.evm.deployedBytecode.object}`,
        compiler: { name: 'solc', version: solc.version(), settings: sortKeys(SETTINGS) },
      };
    }
  }
  return artifacts;
}

function main(argv) {
  const outIndex = argv.indexOf('--out');
  const outDir = outIndex >= 0 ? argv[outIndex + 1] : DEFAULT_OUT;
  if (!outDir) throw new Error('--out needs a directory');
  const artifacts = compileContracts();
  mkdirSync(outDir, { recursive: true });
  for (const [name, artifact] of Object.entries(artifacts)) {
    writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
  }
  process.stdout.write(`wrote ${Object.keys(artifacts).sort().join(', ')} to ${outDir}\n`);
}

main(process.argv.slice(2));
