// The benches' command line: `--name value` options and bare flags, read from process.argv.
const argv = process.argv.slice(2);

/** The value after `--name`, or `dflt` when the option is absent. */
export function argOf(name: string, dflt: string): string {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
}

/** Whether the bare flag `--name` is given. */
export const hasFlag = (name: string): boolean => argv.includes(name);
