/**
 * Every attached UI client, fed from one drain of the model.
 *
 * Change tracking choice: fan-out. The model keeps a single "changed since last drain" set; the
 * hub is its only consumer and copies each drain into every client's pending set. A client
 * that batches slowly (hidden) or late (just attached) therefore never takes changes away from
 * another, and the model needs no per-entity version stamps or tombstones. Each pending set is
 * bounded by the model's own size, as a key appears in it once.
 */
import type { Snapshot } from '../../contract/views'
import type { PushSender } from '../app/app-core-types'
import { mergeChanges } from './pending-changes'
import {
  createPublisherState, publisherTick, takeSnapshot, type PublisherState,
} from './publisher-state'
import type { ViewSource } from './view-source'

/** One client of the hub; methods that send take the time. */
export interface HubClient {
  setVisible(visible: boolean): void
  /** Pushes a snapshot. */
  resync(now: number): void
  /** Returns a snapshot instead of pushing it (the `snapshot.get` request). */
  snapshot(now: number): Snapshot
  close(): void
}

interface Attached {
  state: PublisherState
  send: PushSender
}

export interface PublisherHubOptions {
  /** A throwing transport is reported here rather than stopping other clients' batches. */
  onSendError?: (err: unknown) => void
}

export class PublisherHub {
  private readonly clients = new Set<Attached>()

  constructor(private readonly source: ViewSource, private readonly options: PublisherHubOptions = {}) {}

  get size(): number {
    return this.clients.size
  }

  /** Attaches a client and pushes its first snapshot before returning. */
  attach(send: PushSender, now: number): HubClient {
    const client: Attached = { state: createPublisherState(), send }
    this.clients.add(client)
    const snapshot = (at: number): Snapshot => {
      this.collect()
      return takeSnapshot(client.state, this.source, at)
    }
    const resync = (at: number): void => this.safeSend(client, () => client.send('snapshot', snapshot(at)))
    resync(now)
    return {
      setVisible: (visible) => { client.state.visible = visible },
      resync,
      snapshot,
      close: () => { this.clients.delete(client) },
    }
  }

  /** Drains the model once and sends each client the batch that is due. */
  tick(now: number): void {
    this.collect()
    for (const client of this.clients) {
      const batch = publisherTick(client.state, this.source, now)
      if (batch !== undefined) this.safeSend(client, () => client.send('delta', batch))
    }
  }

  /** Copies one drain of the model into every client's pending changes. */
  private collect(): void {
    const changes = this.source.drainChanges()
    for (const client of this.clients) mergeChanges(client.state.pending, changes)
  }

  private safeSend(client: Attached, send: () => void): void {
    try {
      send()
    } catch (err) {
      this.options.onSendError?.(err)
    }
  }
}
