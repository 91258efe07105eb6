/**
 * A typed set of listeners that returns an unsubscribe from `add` and never lets a listener's
 * exception escape into the code that emits (a connection must keep reading whatever a
 * subscriber does).
 */
export interface ListenerSet<T> {
  add(listener: (value: T) => void): () => void
  emit(value: T): void
  clear(): void
}

/** `onFailure` hears about listeners that threw; it must not throw itself (its errors are dropped). */
export function createListenerSet<T>(onFailure: (error: unknown) => void = () => {}): ListenerSet<T> {
  const listeners = new Set<(value: T) => void>()
  return {
    add(listener) {
      const wrapped = (value: T): void => listener(value)
      listeners.add(wrapped)
      return () => {
        listeners.delete(wrapped)
      }
    },
    emit(value) {
      for (const listener of [...listeners]) {
        try {
          listener(value)
        } catch (error) {
          try {
            onFailure(error)
          } catch {
            // A failing failure handler has nowhere left to report to.
          }
        }
      }
    },
    clear() {
      listeners.clear()
    },
  }
}
