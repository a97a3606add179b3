// CPU time each process spent over one stretch of the benchmark: the backend, the database
// server, and this process (the load generator and the gateway sandbox). Two cores are shared
// by all of them, so this is what bounds a row's requests/s, and where its time went.
import pidusage from 'pidusage';

export interface CpuSplit {
  /** Milliseconds of CPU (user + system) in each process; database absent when external. */
  backend: number;
  database?: number;
  bench: number;
}

async function cpuMs(pids: number[]): Promise<number[]> {
  const stats = await pidusage(pids);
  return pids.map((pid) => stats[pid]!.ctime);
}

/** Runs `work` and says how much CPU each process spent meanwhile. */
export async function measureCpu<T>(
  pids: { backend: number; database?: number },
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuSplit }> {
  const others = pids.database === undefined ? [pids.backend] : [pids.backend, pids.database];
  const before = await cpuMs(others);
  const own = process.cpuUsage();
  const result = await work();
  const spent = process.cpuUsage(own);
  const [backend, database] = (await cpuMs(others)).map((ms, i) => ms - before[i]!);
  pidusage.clear();
  return {
    result,
    cpu: {
      backend: backend!,
      ...(database === undefined ? {} : { database }),
      bench: (spent.user + spent.system) / 1000,
    },
  };
}
