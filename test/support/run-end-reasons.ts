/**
 * A run's error when its process stopped, as users read it: English, then Chinese. Written out
 * here (not built from the server's texts) so a language missing from the stored reason fails.
 */
export const processStopped = /the process running it \(.+\) stopped.* \/ 运行它的进程（.+）.*停止/;

export const lastAttemptStopped =
  /the process running it \(.+\) stopped during attempt 2, its last \/ 运行它的进程（.+）在第 2 次（最后一次）尝试中停止$/;
