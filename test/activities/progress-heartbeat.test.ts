import { progressHeartbeat } from '../../activities/progress-heartbeat';

describe('progressHeartbeat', () => {
  it('beats at the first progress and then at most once a second, with the latest count', () => {
    let now = 0;
    const beats: number[] = [];
    const progress = progressHeartbeat(
      (done) => beats.push(done),
      () => now,
    );
    for (let done = 1; done <= 5; done++) {
      progress(done);
      now += 300;
    }
    // Calls at 0, 300, 600, 900, 1200 ms: the first beats, then the one a second later.
    expect(beats).toEqual([1, 5]);
  });
});
