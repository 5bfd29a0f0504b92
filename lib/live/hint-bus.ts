/** Fan-out of stream hints ("step X has new output") to whoever shows that step. */
import type { LiveHint } from "./types";

export type HintListener = (hint: LiveHint) => void;

export class HintBus {
  private readonly listeners = new Set<HintListener>();

  on(listener: HintListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(hint: LiveHint): void {
    for (const l of this.listeners) {
      try {
        l(hint);
      } catch (err) {
        console.error("hint listener failed", err);
      }
    }
  }
}
