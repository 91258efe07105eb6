import type { Db } from './sqlite'

/** What every store needs: the connection, the clock, and a way to tell the user something. */
export interface StoreContext {
  db: Db
  now: () => number
  /** Adds a message to `Storage.notices` (and the log), for the UI to show. */
  notice: (message: string) => void
}
