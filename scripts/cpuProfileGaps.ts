// Whose code held the extension host in each stall the editor bench measured: the samples of a CPU profile
// (taken in the same run) that fall inside the stall, and how many of them were in Truthline's bundle.
// A stall is Truthline's when most of its samples are; the rest is VS Code, other extensions and the
// machine (code-server, Chromium and the TypeScript server share two CPUs here).

/** The parts of V8's `Profiler.stop` answer read here. Times in microseconds, on process.hrtime's clock. */
export interface CpuProfile {
  readonly nodes: readonly { readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string }; readonly children?: readonly number[] }[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A stall: from when (µs, process.hrtime's clock) and how long. `at` is ms after the bench's start. */
export interface Stall {
  readonly at: number;
  readonly ms: number;
  readonly fromUs: number;
}

export interface StallOwner {
  readonly stall: Stall;
  /** Share of the stall's script samples with Truthline's code on the stack, 0 to 1 (collections count for nobody). */
  readonly ours: number;
  /** The outermost named Truthline functions most of those samples were in, "a > b > c > d". */
  readonly what: string;
  /**
   * How long the host's thread ran in the stall, from its samples (one every sampling interval while it runs):
   * far below the stall when the machine gave its CPUs to other processes meanwhile.
   */
  readonly runningMs: number;
}

const NEUTRAL = new Set(['(garbage collector)', '(program)', '(idle)']);

/** `isOurs(url)`: whether a script is Truthline's bundle. */
export function attributeStalls(profile: CpuProfile, stalls: readonly Stall[], isOurs: (url: string) => boolean): StallOwner[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // Per node: the first four named Truthline frames from the root down, or undefined when none is ours.
  const ourStack = new Map<number, string | undefined>();
  const stackOf = (id: number): string | undefined => {
    if (ourStack.has(id)) return ourStack.get(id);
    const frames: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame && isOurs(frame.url)) frames.push(frame.functionName);
    }
    // Named functions only: the bundle's arrow functions say nothing in a line of figures.
    const stack = frames.length > 0 ? frames.reverse().filter(Boolean).slice(0, 4).join(' > ') || '(anonymous)' : undefined;
    ourStack.set(id, stack);
    return stack;
  };
  // VS Code's and V8's own work with no script on the stack (a collection, the VM): counted for nobody.
  const neutral = new Set(profile.nodes.filter((node) => NEUTRAL.has(node.callFrame.functionName)).map((node) => node.id));
  const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id));
  const intervalMs = median(profile.timeDeltas) / 1000;
  const times: number[] = [];
  let time = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((time += delta));

  return stalls.map((stall) => {
    const end = stall.fromUs + stall.ms * 1000;
    let samples = 0;
    let running = 0;
    let ours = 0;
    const whats = new Map<string, number>();
    // Samples are in time order: a binary search finds the first one inside the stall.
    let low = 0;
    let high = times.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((times[middle] as number) < stall.fromUs) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < times.length && (times[index] as number) <= end; index++) {
      const sample = profile.samples[index] as number;
      if (!idle.has(sample)) running++;
      if (neutral.has(sample)) continue;
      samples++;
      const stack = stackOf(sample);
      if (stack === undefined) continue;
      ours++;
      whats.set(stack, (whats.get(stack) ?? 0) + 1);
    }
    const what = [...whats].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    return { stall, ours: samples === 0 ? 0 : ours / samples, what, runningMs: running * intervalMs };
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
