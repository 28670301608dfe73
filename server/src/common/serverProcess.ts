/*
 * How the language server's process is started for the least memory, by the VS Code client and by
 * the benchmark alike. A large log's scan allocates much and briefly: V8's young generation is kept
 * small (it would otherwise grow to 32 MB and stay), and glibc's allocator is kept from holding
 * freed memory in one arena per thread, and from serving large blocks from its heap, where freed
 * ones are never returned (mmap'd blocks are). Other editors may start `error-codebook-ls` with the
 * same flag and variables (README, "In other editors").
 */

/** Node options of the server process. */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=2'];

/** Environment variables of the server process, unless the environment sets them itself. */
export function serverEnvironment(base: Record<string, string | undefined> = {}): Record<string, string> {
  return {
    MALLOC_ARENA_MAX: base.MALLOC_ARENA_MAX ?? '2',
    MALLOC_MMAP_THRESHOLD_: base.MALLOC_MMAP_THRESHOLD_ ?? '65536',
  };
}
