import { createSendSlots } from '../../activities/notify/send-slots';

describe('send slots', () => {
  it('runs at most `size` sends at once, and every send in the order asked', async () => {
    const slots = createSendSlots(3);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        slots.run(async () => {
          started.push(index);
          most = Math.max(most, ++running);
          await new Promise((resolve) => setTimeout(resolve, 2));
          running--;
          return index;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect(started).toEqual(results);
  });

  it('frees the slot of a send that failed', async () => {
    const slots = createSendSlots(1);
    await expect(slots.run(async () => Promise.reject(new Error('451')))).rejects.toThrow('451');
    await expect(slots.run(async () => 'sent')).resolves.toBe('sent');
  });
});
