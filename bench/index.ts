import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FULL_SIZES, QUICK_SIZES, type BenchContext } from './bench-context';
import { startBenchStack, type BenchStack } from './bench-stack';
import { benchCompileSchedule } from './compile-schedule.bench';
import { benchDashboard } from './dashboard.bench';
import { benchEmail } from './email.bench';
import { benchEnvironment } from './environment';
import { benchLateness } from './lateness.bench';
import { printColumns } from './measure';
import { formatAim, formatFigure, meetsAim, ResultCollector } from './results';
import { benchSimulate } from './simulate.bench';
import { benchStart } from './start.bench';

const BENCHES = ['compile', 'start', 'email', 'lateness', 'dashboard', 'simulate'] as const;
type BenchName = (typeof BENCHES)[number];

function parseArgs(argv: readonly string[]): { only: Set<BenchName>; quick: boolean; out: string } {
  let only = new Set<BenchName>(BENCHES);
  let quick = false;
  let out = path.join(__dirname, 'results.json');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      const names = (value ?? '').split(',').filter(Boolean);
      const unknown = names.filter((n) => !(BENCHES as readonly string[]).includes(n));
      if (names.length === 0 || unknown.length > 0) {
        usage(`--only: unknown bench ${unknown.join(', ') || '(none given)'}; choose from ${BENCHES.join(', ')}`);
      }
      only = new Set(names as BenchName[]);
    } else if (arg === '--out') out = path.resolve(argv[++i] ?? usage('--out: a file name is missing'));
    else usage(`unknown option ${arg}`);
  }
  return { only, quick, out };
}

function usage(message: string): never {
  console.error(`bench: ${message}\nusage: npm run bench -- [--only ${BENCHES.join(',')}] [--quick] [--out FILE]`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { only, quick, out } = parseArgs(process.argv.slice(2));
  const sizes = quick ? QUICK_SIZES : FULL_SIZES;
  const results = new ResultCollector();
  const environment = benchEnvironment();
  const started = Date.now();

  if (only.has('compile')) benchCompileSchedule(results, sizes.compileUnits);
  // start, email and lateness share one stack (the start rate sizes the others' lead time); the dashboard's big
  // cycle gets a stack of its own, so that its memory figure counts its own units.
  const withStack = async (names: BenchName[], run: (context: BenchContext) => Promise<void>): Promise<void> => {
    if (!names.some((n) => only.has(n))) return;
    let stack: BenchStack | undefined;
    try {
      stack = await startBenchStack();
      await run({ stack, results, sizes });
    } finally {
      await stack?.teardown();
    }
  };
  await withStack(['start', 'email', 'lateness'], async (context) => {
    if (only.has('start')) await benchStart(context);
    if (only.has('email')) await benchEmail(context);
    if (only.has('lateness')) await benchLateness(context);
  });
  await withStack(['dashboard'], benchDashboard);
  // Last: its time-skipping servers and workers would weigh on the memory figure above.
  if (only.has('simulate')) await benchSimulate(results, sizes.simulateUnits);

  printColumns(
    `dondoc benchmarks${quick ? ' (--quick sizes)' : ''}: ${environment.machine.cpuCount} × ${environment.machine.cpuModel}, ` +
      `Node ${environment.versions.node}, SDK ${environment.versions.temporalSdk}, commit ${environment.commit.slice(0, 8)}`,
    ['measurement', 'figure', 'baseline', 'ratio', 'aim', ''],
    results.rows.map((row) => {
      const ok = meetsAim(row);
      return [
        row.measurement,
        formatFigure(row.figure, row.unit),
        row.baseline ? `${formatFigure(row.baseline.figure, row.unit)} (${row.baseline.what})` : '',
        row.ratio === undefined ? '' : row.ratio.toFixed(2),
        formatAim(row),
        ok === undefined ? '' : ok ? '✓' : '✗',
      ];
    }),
  );
  const report = {
    ...environment,
    quick,
    benches: [...only],
    seconds: Math.round((Date.now() - started) / 1000),
    sizes,
    results: results.rows.map((row) => ({ ...row, meetsAim: meetsAim(row) })),
  };
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}

main().then(
  // Leaves nothing running: every server and worker is closed; the SDK's runtime alone would keep the process up.
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
