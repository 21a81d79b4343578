// Several files of one ingest run at once. Files of the same content run one after the other in
// one lane: the second then finds the first completed ("already ingested") instead of racing it
// for the same ingest row.

/** Groups of file indexes, in order; files with one fingerprint share a group. */
export function sameContentTogether(fingerprints: readonly (string | undefined)[]): number[][] {
  const groups: number[][] = [];
  const byPrint = new Map<string, number[]>();
  fingerprints.forEach((fp, i) => {
    const group = fp === undefined ? undefined : byPrint.get(fp);
    if (group) return void group.push(i);
    const fresh = [i];
    groups.push(fresh);
    if (fp !== undefined) byPrint.set(fp, fresh);
  });
  return groups;
}

/**
 * Runs the groups on up to `lanes` at once, each group's items in order. After a failure no new
 * item starts; the ones running finish, then the first error is thrown.
 */
export async function runLanes(
  groups: readonly number[][],
  lanes: number,
  run: (item: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (!failure && next < groups.length) {
      const group = groups[next++];
      for (const item of group) {
        if (failure) return;
        try {
          await run(item);
        } catch (error) {
          failure ??= { error };
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
  if (failure) throw failure.error;
}
