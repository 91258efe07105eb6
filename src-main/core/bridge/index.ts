export { createRequestDispatcher, describeIssues, isRequestName } from './request-dispatcher'
export type { DispatchResult, RequestDispatcher } from './request-dispatcher'
export { bindSessionHandlers } from './session-handlers'
