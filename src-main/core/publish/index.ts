export type { ModelChanges, SettingsState, SnapshotBody, ViewSource } from './view-source'
export { startPublisherLoop, DEFAULT_TICK_MS } from './publisher-loop'
export type { PublisherLoop, PublisherLoopOptions } from './publisher-loop'
export { PublisherHub } from './publisher-hub'
export type { HubClient, PublisherHubOptions } from './publisher-hub'
export {
  createPublisherState, publisherTick, takeSnapshot, VISIBLE_INTERVAL_MS, HIDDEN_INTERVAL_MS,
} from './publisher-state'
export type { PublisherState } from './publisher-state'
