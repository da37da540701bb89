import { groupCommit } from '../../db/stores/group-commit';

describe('groupCommit', () => {
  it('writes a lone call at once and the calls made meanwhile together, in order', async () => {
    const batches: number[][] = [];
    let open: (() => void) | undefined;
    const write = groupCommit(async (inputs: readonly number[]) => {
      batches.push([...inputs]);
      if (batches.length === 1) await new Promise<void>((resolve) => (open = resolve));
      return inputs.map((n) => n * 10);
    });
    const first = write(1);
    const rest = [2, 3, 4].map((n) => write(n));
    expect(batches).toEqual([[1]]);
    open!();
    await expect(first).resolves.toBe(10);
    await expect(Promise.all(rest)).resolves.toEqual([20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps batches within the limit', async () => {
    const sizes: number[] = [];
    const write = groupCommit(async (inputs: readonly number[]) => {
      sizes.push(inputs.length);
      await Promise.resolve();
      return inputs;
    }, 3);
    await Promise.all(Array.from({ length: 8 }, (_, n) => write(n)));
    expect(sizes).toEqual([1, 3, 3, 1]);
  });

  it('fails only the call a failed batch could not write, writing the others alone', async () => {
    const batches: string[][] = [];
    let open: (() => void) | undefined;
    const write = groupCommit(async (inputs: readonly string[]) => {
      batches.push([...inputs]);
      if (batches.length === 1) await new Promise<void>((resolve) => (open = resolve));
      if (inputs.includes('bad')) throw new Error('bad row');
      return inputs.map((s) => s.toUpperCase());
    });
    const first = write('a');
    const others = ['b', 'bad', 'c'].map((s) => write(s).catch((err: Error) => err.message));
    open!();
    await first;
    await expect(Promise.all(others)).resolves.toEqual(['B', 'bad row', 'C']);
    expect(batches).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });
});
