/**
 * Server start-up: seed the examples on first start and start this process's
 * engine (which resumes runs interrupted by a crash or restart).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("@/lib/runtime/boot");
  await bootServer();
}
